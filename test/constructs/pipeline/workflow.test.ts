import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { COMMENT_MARKER, PINNED_ACTIONS, renderDeliveryWorkflow, WORKFLOW_CHECKS } from '../../../constructs/pipeline/workflow';

describe('the generated delivery workflow', () => {
  const yaml = renderDeliveryWorkflow({ environments: ['dev', 'prod'] });
  const wf = parse(yaml);

  test('passes action-validator (the GitHub Actions workflow schema)', () => {
    expect(validateWorkflow(yaml).errors).toEqual([]);
    // the validator is live: a job without runs-on is refused
    expect(validateWorkflow('on: push\njobs:\n  a:\n    steps: []\n').errors.length).toBeGreaterThan(0);
  });

  test('every action is pinned to a full commit SHA, and is one we pin', () => {
    const uses = [...yaml.matchAll(/uses: (\S+)/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThan(10);
    for (const u of uses) expect(u).toMatch(/@[0-9a-f]{40}$/);
    expect(new Set(uses)).toEqual(new Set(uses.filter((u) => (Object.values(PINNED_ACTIONS) as string[]).includes(u))));
  });

  test('least permissions: nothing at the top, each job only what it needs', () => {
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.synth.permissions).toEqual({ 'contents': 'read', 'security-events': 'write' });
    expect(wf.jobs.plan.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    expect(wf.jobs.report.permissions).toEqual({ 'contents': 'read', 'pull-requests': 'write' });
    // apply also reads the pull request's artifacts: the change sets that were reviewed
    expect(wf.jobs['apply-prod'].permissions).toEqual({ 'contents': 'read', 'id-token': 'write', 'actions': 'read', 'pull-requests': 'read' });
    expect(wf.jobs['fork-note'].permissions).toEqual({});
  });

  test('pull requests: synth, guardrails as SARIF, a plan per stack from cdktf.out, one sticky report', () => {
    const synthRuns = wf.jobs.synth.steps.map((s: any) => s.run ?? s.uses);
    expect(synthRuns).toEqual(expect.arrayContaining(['npx cdktf synth', 'npx goldenpath check cdktf.out --format sarif --output goldenpath.sarif --fail-on never', PINNED_ACTIONS.uploadSarif]));
    expect(wf.jobs.synth.steps.find((s: any) => s.id === 'stacks').run).toContain('npx goldenpath stacks cdktf.out --environments dev,prod');
    expect(wf.jobs.plan.strategy.matrix.stack).toBe('${{ fromJSON(needs.synth.outputs.stacks).all }}');
    expect(wf.jobs.plan.concurrency.group).toBe('plan-${{ matrix.stack.name }}-${{ github.ref }}');
    expect(wf.jobs.plan.environment).toBe('${{ matrix.stack.environment }}-plan');
    const plan = wf.jobs.plan.steps.map((s: any) => s.run ?? '').join('\n');
    expect(plan).toContain('terraform -chdir="$dir" show -json plan.tfplan > "$RUNNER_TEMP/plan.json"');
    expect(plan).toContain('--digest-out review/digest.json');
    // the planned values go through the guardrails too, before the plan JSON is removed
    expect(plan.indexOf('npx goldenpath check --plan "$RUNNER_TEMP/plan.json" --cdktf-out cdktf.out --fail-on error')).toBeGreaterThan(plan.indexOf('show -json plan.tfplan'));
    expect(plan.indexOf('npx goldenpath check --plan')).toBeLessThan(plan.indexOf('rm -f "$RUNNER_TEMP/plan.json"'));
    const report = wf.jobs.report.steps.map((s: any) => s.run ?? '').join('\n');
    expect(report).toContain(`{ echo '${COMMENT_MARKER}'; npx goldenpath plan --from-json "\${reports[@]}"; } > comment.md`);
    expect(report).toMatch(/gh api -X PATCH "repos\/\$REPO\/issues\/comments\/\$id"/);
    expect(WORKFLOW_CHECKS.map((c) => Object.values<any>(wf.jobs).some((j) => j.name === c))).toEqual([true, true]);
  });

  test('on merge: apply environment by environment, production after dev, one run of an environment at a time', () => {
    expect(wf.jobs['apply-dev'].needs).toBe('synth');
    expect(wf.jobs['apply-prod'].needs).toEqual(['synth', 'apply-dev']);
    expect(wf.jobs['apply-prod'].environment).toBe('prod');
    expect(wf.jobs['apply-prod'].concurrency).toEqual({ 'group': 'apply-prod', 'cancel-in-progress': false });
    expect(wf.jobs['apply-prod'].if).toContain("github.ref == 'refs/heads/main'");
  });

  test('"Run workflow" provisions or deploys one chosen environment, from the default branch, through its reviewed environment', () => {
    expect(wf.on.workflow_dispatch.inputs.environment).toMatchObject({ type: 'choice', required: true, options: ['dev', 'prod'] });
    const prod = wf.jobs['apply-prod'];
    expect(prod.if).toContain("(github.event_name == 'push' || (github.event_name == 'workflow_dispatch' && inputs.environment == 'prod'))");
    expect(prod.if).toContain("github.ref == 'refs/heads/main'");
    // a skipped dev (not chosen, or no stacks) does not block prod; a failed one does
    expect(prod.if).toContain("(needs.apply-dev.result == 'success' || needs.apply-dev.result == 'skipped')");
    expect(prod.environment).toBe('prod');
    expect(wf.jobs.plan.if).toContain("github.event_name == 'pull_request'");
  });

  test('apply follows manifest.json: waves in order, stacks of a wave in parallel, a failure stops before the next wave', () => {
    const apply = wf.jobs['apply-prod'].steps.map((s: any) => s.run ?? '').join('\n');
    expect(apply).toContain('npx goldenpath stacks cdktf.out --waves --environments "$ENVIRONMENT"');
    expect(apply).toMatch(/for wave in \$waves; do[\s\S]*apply_stack "\$stack" & pids\+=\(\$!\)[\s\S]*wait "\$pid" \|\| failed=1/);
    expect(wf.jobs.plan.strategy['fail-fast']).toBe(false);
  });

  test('only what was reviewed is applied: plan again, compare with the reviewed change set, apply that saved plan', () => {
    const apply = wf.jobs['apply-prod'].steps.map((s: any) => s.run ?? '').join('\n');
    const order = ['plan -input=false -lock-timeout=10m -out=apply.tfplan', '--verify "reviewed/review-$stack/digest.json"', 'apply -input=false -lock-timeout=10m apply.tfplan'];
    expect(order.map((s) => apply.indexOf(s))).toEqual([...order.map((s) => apply.indexOf(s))].sort((x, y) => x - y));
    expect(order.every((s) => apply.includes(s))).toBe(true);
    expect(apply).not.toContain('-auto-approve');
    expect(apply).toContain('gh run download "$run" --repo "$REPO" --pattern \'review-*\' --dir reviewed');
    expect(wf.jobs['apply-prod'].env.VERIFY).toBe("${{ github.event_name == 'push' }}");
  });

  test('no plan file or plan JSON leaves a runner: only the review (model JSON, digest) and the rendered report', () => {
    const uploads = Object.values<any>(wf.jobs).flatMap((j) => j.steps).filter((s: any) => s.uses === PINNED_ACTIONS.uploadArtifact).map((s: any) => s.with.path);
    expect(uploads).toEqual(['cdktf.out', 'review/', 'comment.md']);
    const plan = wf.jobs.plan.steps.map((s: any) => s.run ?? '').join('\n');
    expect(plan).toContain('rm -f "$RUNNER_TEMP/plan.json" "$dir/plan.tfplan"');
  });

  test('pull requests from forks get a note instead of failing plan jobs', () => {
    expect(wf.jobs['fork-note'].if).toBe("github.event_name == 'pull_request' && !(github.event.pull_request.head.repo.full_name == github.repository)");
    expect(wf.jobs.plan.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(wf.jobs.report.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });

  test('actions run on the current Node runtime; every SHA pin carries its version', () => {
    expect(wf.env).toEqual({ FORCE_JAVASCRIPT_ACTIONS_TO_NODE24: 'true' });
    for (const line of yaml.split('\n').filter((l) => /uses: /.test(l))) expect(line).toMatch(/@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test('marked as generated', () => {
    expect(yaml.split('\n')[0]).toMatch(/^# Generated by goldenpath DeliveryWorkflow/);
  });
});
