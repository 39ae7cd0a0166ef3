import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import MarkdownIt from 'markdown-it';
import { SynthesizedStack } from '../../src/core/cdktf-out';
import { diffStack } from '../../src/plan/config-diff';
import { ChangeAction, PlanReport } from '../../src/plan/model';
import { parsePlan, readPlanFile } from '../../src/plan/plan-reader';
import { inert, renderPlanMarkdown } from '../../src/plan/render-markdown';
import { runCli } from '../cli/run-cli';
import { plainText } from '../helpers';

/** A plan with the given resource changes, as terraform show -json writes it. */
function plan(...changes: object[]): any {
  return { format_version: '1.2', terraform_version: '1.11.0', resource_changes: changes };
}
function rc(address: string, actions: string[], before: unknown, after: unknown, extra: object = {}): object {
  const [type, name] = address.split('.');
  return { address, type, name, mode: 'managed', change: { actions, before, after, after_unknown: {}, before_sensitive: {}, after_sensitive: {} }, ...extra };
}
const md = (p: any, stack = 's') => renderPlanMarkdown({ stacks: [parsePlan(stack, p)] });
const attrs = (p: any) => parsePlan('s', p).changes[0].attributes;

/** GitHub's Markdown, as a CommonMark/GFM parser with HTML and autolinks on sees it. */
const gfm = new MarkdownIt({ html: true, linkify: true });
function tokensOf(markdown: string) {
  const all: Array<{ type: string; tag: string; content: string }> = [];
  const walk = (ts: any[]) => ts.forEach((t) => { all.push(t); if (t.children) walk(t.children); });
  walk(gfm.parse(markdown, {}));
  return all;
}

describe('the plan comment shows every real change', () => {
  const policy = (actions: string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: actions, Resource: 'arn:aws:s3:::data/*' }] });

  test('a JSON-encoded policy is diffed by structure: a new "Action": "*" at the end is shown, and flagged as widening', () => {
    const before = policy([...Array.from({ length: 40 }, (_v, i) => `s3:Get${i}`)]);
    const after = policy([...Array.from({ length: 40 }, (_v, i) => `s3:Get${i}`), '*']);
    const p = plan(rc('aws_iam_policy.p', ['update'], { policy: before }, { policy: after }));
    expect(attrs(p)).toEqual([{ path: 'policy{json}.Statement[Sid=Read].Action[="*"]', before: undefined, after: '"*"' }]);
    const text = plainText(md(p));
    expect(text).toContain('policy{json}.Statement[Sid=Read].Action[="*"]');
    expect(text).toMatch(/### Security[\s\S]*new wildcard action "\*"/);
  });

  test('long text is diffed by line: the changed line, not a shared prefix', () => {
    const lines = Array.from({ length: 30 }, (_v, i) => `line ${i}: the same text on both sides`);
    const p = plan(rc('local_file.f', ['update'], { content: lines.join('\n') }, { content: [...lines.slice(0, 29), 'line 29: changed at the very end'].join('\n') }));
    const text = md(p);
    expect(text).toMatch(/```diff\n@@ line 29 @@\n line 28: the same text on both sides\n-line 29: the same text on both sides\n\+line 29: changed at the very end\n```/);
  });

  test('lists by identity: removing one variable is one removal, not a chain of renames', () => {
    const env = (names: string[]) => ({ env: names.map((n) => ({ name: n, value: n.toLowerCase() })) });
    const p = plan(rc('kubernetes_deployment_v1.d', ['update'], env(['A', 'B', 'C', 'D']), env(['A', 'C', 'D'])));
    expect(attrs(p)).toEqual([
      { path: 'env[name=B].name', before: '"B"', after: undefined },
      { path: 'env[name=B].value', before: '"b"', after: undefined },
    ]);
  });

  test('positions sort as numbers: [6] before [10]', () => {
    const rows = (n: number) => Array.from({ length: n }, (_v, i) => [i, `v${i}`]);
    const p = plan(rc('x.y', ['update'], { rows: rows(12).map(([i]) => [i]) }, { rows: rows(12).map(([i]) => [Number(i) + 100]) }));
    const paths = attrs(p).map((a) => a.path);
    expect(paths.indexOf('rows[6][=6]')).toBeLessThan(paths.indexOf('rows[10][=10]'));
  });

  test('"holds data" is judged by type: removing a cache with its security and subnet groups is one', () => {
    const gone = (address: string) => rc(address, ['delete'], { name: 'x' }, null);
    const report: PlanReport = { stacks: [parsePlan('s', plan(gone('aws_elasticache_replication_group.c'), gone('aws_security_group.c'), gone('aws_elasticache_subnet_group.c'), gone('aws_elasticache_user.c')))] };
    const text = plainText(renderPlanMarkdown(report));
    expect(text).toMatch(/Risk: 1 resource that holds data destroyed or replaced\*\* — destroys <code>aws_elasticache_replication_group.c<\/code>/);
  });

  test('terraform_data holds no data: replacing one is no data-loss risk', () => {
    const replaced = parsePlan('s', plan(rc('terraform_data.marker', ['delete', 'create'], { input: 'a' }, { input: 'b' })));
    expect(replaced.changes[0]).toMatchObject({ action: 'replace', stateful: false });
    expect(plainText(renderPlanMarkdown({ stacks: [replaced] }))).toMatch(/No resource that holds data .* is destroyed or replaced/);
  });

  test('data-source reads, deferred changes and imports are reported, not dropped', () => {
    const p = {
      ...plan(
        { ...rc('data.aws_iam_policy_document.d', ['read'], null, {}), mode: 'data', action_reason: 'read_because_config_unknown' },
        { ...rc('aws_s3_bucket.imported', ['no-op'], { bucket: 'b' }, { bucket: 'b' }), change: { actions: ['no-op'], before: { bucket: 'b' }, after: { bucket: 'b' }, importing: { id: 'b' } } },
      ),
      deferred_changes: [{ reason: 'provider_config_unknown', resource_change: rc('kubernetes_namespace_v1.n', ['create'], null, { metadata: { name: 'n' } }) }],
    };
    const text = plainText(md(p));
    expect(text).toMatch(/#### Data sources read during apply\n\n- 📖 <code>data.aws_iam_policy_document.d<\/code> — read because config unknown/);
    expect(text).toMatch(/#### Import\n\n<details><summary>· <b>no-op<\/b> <code>aws_s3_bucket.imported<\/code> — import/);
    expect(text).toMatch(/#### Deferred \(planned after a later apply\)\n\n<details><summary>➕ <b>create<\/b> <code>kubernetes_namespace_v1.n<\/code> — provider config unknown/);
    expect(text).toContain('1 to read · 1 to import');
  });
});

describe('Markdown that data cannot break', () => {
  const hostile = plan(
    rc('aws_s3_bucket.a', ['update'], { tags: { 'x`y\\': '[x](https://evil.example/x)' } }, { tags: { 'x`y\\': '![](https://evil.example/pixel.png) **bold** @security-team #12 | pipe' } }),
    rc('aws_s3_bucket.b', ['delete'], { bucket: 'b' }, null, { action_reason: 'delete_because_@admins_[click](https://evil.example)' }),
  );
  const report = { stacks: [parsePlan('prod|@ops', hostile), parsePlan('s2', plan(rc('aws_s3_bucket.c', ['create'], null, { bucket: 'www.evil.example' })))] };
  report.stacks[1] = { ...report.stacks[1], outputs: [{ name: 'url_[x](https://evil.example)', action: 'create' as ChangeAction, after: '"@everyone"' }] };
  const markdown = renderPlanMarkdown(report);
  const tokens = tokensOf(markdown);

  test('no link, image or autolink comes from plan data', () => {
    expect(tokens.filter((t) => ['link_open', 'image'].includes(t.type))).toEqual([]);
    expect(gfm.render(markdown)).not.toMatch(/<a |<img |<strong>bold/);
  });

  test('headings after </details> are headings; every <details> is closed; tables keep three cells a row', () => {
    const headings = tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag);
    expect(headings.filter((h) => h === 'h4').length).toBeGreaterThanOrEqual(3); // Update, Destroy and replace, Create, Outputs
    expect(tokens.filter((t) => t.type === 'inline' && /^\*\*[A-Z]/.test(t.content))).toEqual([]);
    const html = gfm.render(markdown);
    expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
    for (const row of html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) expect((row.match(/<t[dh]/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  test('mentions and issue references are neutralised everywhere; pipes, backticks and backslashes stay text', () => {
    const text = gfm.render(markdown).replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/@security-team|@admins|@everyone|@ops|#12/);
    expect(text).toContain('@\u200Bsecurity-team');
    expect(text).toContain('x`y\\');
    expect(text).toContain('prod|@\u200Bops');
    expect(inert('a|b`c\\')).toBe('a&#124;b&#96;c&#92;');
  });
});

describe('reading any plan without a crash', () => {
  test('a plan nested 100,000 levels deep is read, not a RangeError', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const changes = parsePlan('s', plan(rc('x.deep', ['update'], { v: 'old' }, { v: deep }))).changes;
    expect(changes[0].attributes.length).toBe(2);
  });

  test('a bad entry is skipped with a warning; an entry without an address is named from type and name', () => {
    const parsed = parsePlan('s', plan(null as never, { type: 'aws_s3_bucket', name: 'x', change: { actions: ['create'], after: {} } }, 42 as never));
    expect(parsed.changes.map((c) => c.address)).toEqual(['aws_s3_bucket.x']);
    expect(parsed.warnings).toEqual(['resource_changes[0] is not a resource change (null): skipped', 'resource_changes[1] has no address: shown as aws_s3_bucket.x',
      'resource_changes[2] is not a resource change (number): skipped']);
    expect(plainText(renderPlanMarkdown({ stacks: [parsed] }))).toContain('3 notes while reading the plan: resource_changes[0] is not a resource change (null): skipped');
  });

  test("HCP Terraform's redacted plan JSON and a UTF-8 byte-order mark are read", () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-plan-bom-'));
    writeFileSync(join(dir, 'p.json'), `\uFEFF${JSON.stringify({ plan_format_version: '1.2', resource_changes: [rc('aws_s3_bucket.b', ['create'], null, { bucket: 'b' })] })}`);
    expect(readPlanFile(join(dir, 'p.json')).changes.map((c) => c.action)).toEqual(['create']);
  });

  test('what cannot be read at all is one line and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-plan-bad-'));
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'cut.json'), '{"format_version": "1.2", "resource_');
    for (const [args, message] of [
      [[join(dir, 'empty.json')], /empty\.json: is empty; expected a plan as JSON \(terraform show -json\)\n$/],
      [[join(dir, 'cut.json')], /cut\.json: not valid JSON/],
      [[dir], /: is a directory; expected a plan as JSON/],
      [[join(dir, 'missing.json')], /missing\.json: no such file; expected a plan as JSON/],
    ] as Array<[string[], RegExp]>) {
      const r = await runCli('plan', ...args);
      expect({ code: r.code, lines: r.err.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
      expect(r.err).toMatch(message);
    }
  });
});

describe('security delta', () => {
  test('findings the change introduces and fixes come first in the comment', () => {
    const sg = (cidr: string) => ({ name: 'web', description: 'web', ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: [cidr], description: 'ssh' }], egress: [] });
    const opened = plan(rc('aws_security_group.web', ['update'], sg('10.0.0.0/8'), sg('0.0.0.0/0')));
    const parsed = parsePlan('s', opened);
    expect(parsed.security!.introduced.map((f) => `${f.ruleId} ${f.address}`)).toContain('GP-NET-001 aws_security_group.web');
    expect(parsed.security!.widening).toContain('aws_security_group.web: ingress opened to "0.0.0.0/0"');
    const text = plainText(renderPlanMarkdown({ stacks: [parsed] }));
    expect(text.indexOf('### Security')).toBeLessThan(text.indexOf('### Stack'));
    expect(text).toMatch(/finding(s)? introduced\*\*\n\n- ⛔ <code>GP-NET-001<\/code> <code>aws_security_group.web<\/code>/);
    const closed = parsePlan('s', plan(rc('aws_security_group.web', ['update'], sg('0.0.0.0/0'), sg('10.0.0.0/8'))));
    expect(closed.security!.fixed.map((f) => f.ruleId)).toContain('GP-NET-001');
    expect(closed.security!.introduced).toEqual([]);
  });

  describe('the offline review (two cdktf.out trees) flags added wildcard actions however the policy is written', () => {
    const statement = (actions: string[]) => ({ Effect: 'Allow', Action: actions, Resource: 'arn:aws:sqs:eu-west-1:111111111111:orders' });
    const forms: Array<[string, (actions: string[]) => object]> = [
      ['a JSON string', (actions) => ({ resource: { aws_iam_role_policy: { p: { role: 'r', policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement(actions)] }) } } } })],
      // what cdktf's Fn.jsonencode writes
      ['jsonencode(...)', (actions) => ({ resource: { aws_iam_role_policy: { p: { role: 'r', policy: `\${jsonencode({"Version" = "2012-10-17", "Statement" = [${JSON.stringify(statement(actions)).replace(/":/g, '" =')}]})}` } } } })],
      ['an aws_iam_policy_document', (actions) => ({
        data: { aws_iam_policy_document: { d: { statement: [{ effect: 'Allow', actions, resources: ['arn:aws:sqs:eu-west-1:111111111111:orders'] }] } } },
        resource: { aws_iam_role_policy: { p: { role: 'r', policy: '${data.aws_iam_policy_document.d.json}' } } },
      })],
    ];
    const stack = (json: object) => ({ name: 's', json }) as unknown as SynthesizedStack;
    test.each(forms)('%s', (_form, make) => {
      const diff = diffStack('s', stack(make(['sqs:SendMessage'])), stack(make(['sqs:SendMessage', 'sqs:*', 'kms:*'])));
      expect(diff.security!.widening).toEqual(['aws_iam_role_policy.p: new wildcard action "kms:*"', 'aws_iam_role_policy.p: new wildcard action "sqs:*"']);
      // and no widening when the same policy is only reformatted
      expect(diffStack('s', stack(make(['sqs:SendMessage'])), stack(make(['sqs:SendMessage']))).security!.widening).toEqual([]);
    });
  });

  test('switching encryption or a public access block off is flagged even when no rule fails', () => {
    const p = plan(rc('aws_s3_bucket_public_access_block.p', ['update'], { block_public_acls: true, bucket: 'b' }, { block_public_acls: false, bucket: 'b' }));
    expect(parsePlan('s', p).security!.widening).toEqual(['aws_s3_bucket_public_access_block.p: block_public_acls switched off']);
  });
});
