import { join } from 'path';
import { PlanReport, ResourceChange, StackChanges } from '../../src/plan/model';
import { readPlanFile } from '../../src/plan/plan-reader';
import { GITHUB_COMMENT_LIMIT, renderPlanMarkdown as render } from '../../src/plan/render-markdown';
import { plainText } from '../helpers';

const renderPlanMarkdown = (...args: Parameters<typeof render>) => plainText(render(...args));

const fixture = (name: string) => readPlanFile(join(__dirname, '../fixtures/terraform-plans', `${name}.json`));

function change(address: string, action: ResourceChange['action'], over: Partial<ResourceChange> = {}): ResourceChange {
  return { address, type: address.split('.')[0], action, actions: [action], replacePaths: [], attributes: [{ path: 'name', before: '"a"', after: '"b"' }], importing: false, stateful: false, ...over };
}

describe('Markdown plan report', () => {
  test('counts first, then the risk line, then destroys and replacements before updates before creates, grouped by stack', () => {
    const report: PlanReport = { stacks: [fixture('opentofu-basic-delete'), fixture('opentofu-requires-replace'), fixture('opentofu-basic-create')] };
    const md = renderPlanMarkdown(report);
    expect(md.split('\n')[2]).toBe('**3 to create · 1 to update · 1 to replace · 1 to destroy** across 3 stacks');
    expect(md).toMatch(/> ✅ No resource that holds data/);
    const at = (s: string) => md.indexOf(s);
    expect(at('### Stack <code>opentofu-basic-delete</code>')).toBeLessThan(at('### Stack <code>opentofu-requires-replace</code>'));
    const del = at('<b>delete</b> <code>test_instance.test-delete</code> — delete because no resource config');
    expect(del).toBeGreaterThan(0);
    expect(del).toBeLessThan(at('<b>update</b> <code>test_instance.test</code>'));
    expect(md).toMatch(/<b>replace<\/b> <code>test_instance.test<\/code> — replace because cannot update · forced by <code>ami<\/code>/);
    expect(md).toMatch(/<details><summary>.*<\/summary>\n\n\| attribute \| before \| after \|/);
  });

  test('the risk line names destroyed or replaced stateful resources', () => {
    const stack: StackChanges = {
      stack: 'acme-prod',
      source: 'plan',
      drift: [],
      outputs: [],
      changes: [
        change('aws_db_instance.ledger', 'delete', { stateful: true, reason: 'delete_because_no_resource_config' }),
        change('aws_s3_bucket.exports', 'replace', { stateful: true }),
        change('aws_iam_role.app', 'delete'),
      ],
    };
    const md = renderPlanMarkdown({ stacks: [stack] });
    expect(md).toMatch(/⚠️ \*\*Risk: 2 resources that hold data destroyed or replaced\*\* — /);
    expect(md).toMatch(/destroys <code>aws_db_instance.ledger<\/code> in <code>acme-prod<\/code>, replaces <code>aws_s3_bucket.exports<\/code> in <code>acme-prod<\/code>/);
  });

  test('drift, moves and outputs have their own sections', () => {
    const md = renderPlanMarkdown({ stacks: [fixture('opentofu-drift'), fixture('opentofu-multi-resource-update'), fixture('opentofu-unknown-output')] });
    expect(md).toMatch(/#### Drift \(changed outside Terraform since the last apply\)\n\n<details><summary>✏️ <b>update<\/b> <code>test_instance.should_refresh<\/code>/);
    expect(md).toMatch(/#### Moved \(no other change\)\n\n<details><summary>· <b>no-op<\/b> <code>test_instance.test\[0\]<\/code> — /);
    expect(md).toContain('moved from <code>test_instance.test</code>');
    expect(md).toMatch(/\| <code>bar<\/code> \| create \| {2}\| <code>\{ \[0\] = "hello", \[1\] = \(known after apply\)/);
  });

  test('a huge plan stays within the limit, keeps the summary and every destroy, and says what it cut', () => {
    const changes: ResourceChange[] = [];
    for (let i = 0; i < 3000; i++) changes.push(change(`aws_sqs_queue.q${i}`, i % 3 === 0 ? 'update' : 'create', { attributes: [{ path: 'policy', before: '"x"', after: `"${'y'.repeat(150)}"` }] }));
    for (let i = 0; i < 40; i++) changes.push(change(`aws_s3_bucket.b${i}`, 'delete', { stateful: true }));
    const md = renderPlanMarkdown({ stacks: [{ stack: 'big', source: 'plan', changes, drift: [], outputs: [] }] });
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md).toMatch(/^## Plan review\n\n\*\*2000 to create · 1000 to update · 40 to destroy\*\*/);
    for (let i = 0; i < 40; i++) expect(md).toContain(`<code>aws_s3_bucket.b${i}</code>`);
    expect(md).toMatch(/✂️ Shortened to fit GitHub's 65,536-character comment limit \(cut: \d+ updates, 2000 creates\)/);
    // updates are kept before creates
    expect(md).toContain('<b>update</b> <code>aws_sqs_queue.q0</code>');
  });

  test('when even the destroys do not fit, they shrink to one line each rather than disappear', () => {
    const changes = Array.from({ length: 2000 }, (_, i) => change(`aws_s3_bucket.b${i}`, 'delete', { stateful: true, attributes: [{ path: 'bucket', before: `"${'z'.repeat(100)}"` }] }));
    const md = renderPlanMarkdown({ stacks: [{ stack: 'big', source: 'plan', changes, drift: [], outputs: [] }] }, 200_000);
    expect(md).toContain('destroy diffs shortened to one line each');
    for (let i = 0; i < 2000; i += 250) expect(md).toContain(`<code>aws_s3_bucket.b${i}</code>`);
    expect(md.length).toBeLessThanOrEqual(200_000);
  });

});
