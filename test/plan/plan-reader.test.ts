import { readFileSync } from 'fs';
import { join } from 'path';
import { PlanReport } from '../../src/plan/model';
import { parsePlan, readPlanFile, stackNameFromPath } from '../../src/plan/plan-reader';
import { renderPlanMarkdown as render } from '../../src/plan/render-markdown';
import { renderPlanText } from '../../src/plan/render-text';
import { plainText } from '../helpers';

const fixture = (name: string) => join(__dirname, '../fixtures/terraform-plans', `${name}.json`);
const read = (name: string) => readPlanFile(fixture(name));
const raw = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8'));

describe('reading real plans', () => {
  test('replacement keeps its reason and replace_paths', () => {
    const [c] = read('opentofu-requires-replace').changes;
    expect(c).toMatchObject({ address: 'test_instance.test', action: 'replace', actions: ['delete', 'create'], reason: 'replace_because_cannot_update', replacePaths: ['ami'] });
    expect(c.attributes).toEqual([
      { path: 'ami', before: '"bar"', after: '"force-replace"' },
      { path: 'id', before: '"placeholder"', after: '(known after apply)' },
    ]);
  });

  test('delete with its reason, next to an update', () => {
    const changes = read('opentofu-basic-delete').changes;
    expect(changes.map((c) => [c.address, c.action, c.reason])).toEqual([
      ['test_instance.test', 'update', undefined],
      ['test_instance.test-delete', 'delete', 'delete_because_no_resource_config'],
    ]);
  });

  test('drift is kept apart from planned changes', () => {
    const plan = read('opentofu-drift');
    expect(plan.drift.map((d) => [d.address, d.attributes])).toEqual([['test_instance.should_refresh', [{ path: 'ami', before: '"refresh-me"', after: '"refreshed"' }]]]);
    expect(plan.changes.map((c) => c.address)).toEqual(['test_instance.no_refresh', 'test_instance.should_refresh']);
  });

  test('moves carry the previous address', () => {
    expect(read('opentofu-moved').changes[0]).toMatchObject({ address: 'test_instance.baz', previousAddress: 'test_instance.foo', action: 'update' });
    const multi = read('opentofu-multi-resource-update').changes;
    expect(multi.find((c) => c.previousAddress)).toMatchObject({ address: 'test_instance.test[0]', action: 'no-op', previousAddress: 'test_instance.test' });
  });

  test('nested modules keep their full address', () => {
    expect(read('opentofu-nested-modules').changes[0].address).toBe('module.my_module.module.more.test_instance.test');
  });

  test('unknown output values show as (known after apply), format_version 1.1', () => {
    const outputs = read('opentofu-unknown-output').outputs;
    expect(outputs.find((o) => o.name === 'bar')?.after).toBe('{ [0] = "hello", [1] = (known after apply), [2] = "world" }');
    expect(outputs.find((o) => o.name === 'baz')?.after).toBe('{ greeting = "hello", subject = "world", time = (known after apply) }');
  });

  test('a sensitive value never appears in any output format', () => {
    const plan = raw('opentofu-sensitive-values');
    expect(JSON.stringify(plan)).toContain('boop'); // the secret is in the input
    const report: PlanReport = { stacks: [parsePlan('s', plan)] };
    for (const out of [JSON.stringify(report), plainText(render(report)), renderPlanText(report)]) {
      expect(out).not.toContain('boop');
      expect(out).toContain('(sensitive value)');
    }
  });

  test('a sensitive value nested in a list or map is masked, and a masked value that changed reads as changed', () => {
    const plan = {
      format_version: '1.2',
      resource_changes: [{
        address: 'x.y',
        type: 'x',
        change: {
          actions: ['update'],
          before: { tags: { a: 'old-secret' }, list: ['one', 'hidden-1'] },
          after: { tags: { a: 'new-secret' }, list: ['one', 'hidden-2'] },
          before_sensitive: { tags: { a: true }, list: [false, true] },
          after_sensitive: { tags: { a: true }, list: [false, true] },
          after_unknown: {},
        },
      }],
    };
    const report: PlanReport = { stacks: [parsePlan('s', plan)] };
    const text = [JSON.stringify(report), plainText(render(report)), renderPlanText(report)].join('\n');
    expect(text).not.toMatch(/secret|hidden/);
    expect(report.stacks[0].changes[0].attributes).toEqual([
      { path: 'list[1]', before: '(sensitive value)', after: '(sensitive value changed)' },
      { path: 'tags.a', before: '(sensitive value)', after: '(sensitive value changed)' },
    ]);
  });

  test('GitHub resources inside for_each modules', () => {
    const plan = read('tf-summarize-github-modules');
    expect(plan.changes.filter((c) => c.action === 'create').map((c) => c.address)).toContain('module.github["demo-repository"].github_repository.repository');
    expect(plan.changes.find((c) => c.address === 'github_repository.terraform_plan_summary')?.stateful).toBe(true);
  });

  test('any 0.x or 1.x format_version; unknown keys are ignored; others are refused', () => {
    expect(parsePlan('s', { format_version: '0.2', resource_changes: [], future_key: { x: 1 } }).changes).toEqual([]);
    expect(() => parsePlan('s', { format_version: '2.0' }, 'p.json')).toThrow('p.json: format_version "2.0" is not supported (0.x or 1.x; is this a terraform show -json plan?)');
    expect(() => parsePlan('s', { resource_changes: [] }, 'p.json')).toThrow(/format_version undefined is not supported/);
  });

  test('stack names come from the path or stack=path', () => {
    expect(stackNameFromPath('cdktf.out/stacks/acme-dev/plan.json')).toBe('acme-dev');
    expect(stackNameFromPath('plans/acme-prod.plan.json')).toBe('acme-prod');
    expect(readPlanFile(`named=${fixture('opentofu-moved')}`).stack).toBe('named');
  });
});
