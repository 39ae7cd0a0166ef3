import { countByAction, PlanReport, ResourceChange } from './model';

const SIGN: Record<string, string> = { 'create': '+', 'delete': '-', 'update': '~', 'replace': '-/+', 'read': '<=', 'forget': '.', 'no-op': ' ' };

function line(c: ResourceChange): string[] {
  const extra = [c.reason, c.previousAddress && `moved from ${c.previousAddress}`, c.replacePaths.length && `forced by ${c.replacePaths.join(', ')}`,
    c.ownership?.owner && `owner ${c.ownership.owner}`, c.ownership?.constructPath].filter(Boolean).join('; ');
  const out = [`  ${SIGN[c.action].padEnd(3)} ${c.address}${extra ? `  (${extra})` : ''}`];
  for (const a of c.attributes) out.push(`        ${a.path}: ${a.before ?? '(none)'} -> ${a.after ?? '(none)'}`);
  for (const f of c.findings ?? []) out.push(`        ! ${f.ruleId} ${f.severity}${f.status === 'unknown' ? ' (unknown)' : ''}: ${f.message}`);
  return out;
}

/** Everything, uncut, for logs and terminals. */
export function renderPlanText(report: PlanReport): string {
  const n = countByAction(report);
  const lines = [`Plan: ${n.create} to create, ${n.update} to update, ${n.replace} to replace, ${n.delete} to destroy.`];
  const order = ['delete', 'replace', 'update', 'create', 'read', 'forget', 'no-op'];
  for (const s of report.stacks) {
    lines.push('', `Stack ${s.stack}${s.source === 'config-diff' ? ' (configuration diff: replacement not known without a plan)' : ''}`);
    const changes = s.changes.filter((c) => c.action !== 'no-op' || c.previousAddress).sort((a, b) => order.indexOf(a.action) - order.indexOf(b.action));
    for (const c of changes) lines.push(...line(c));
    if (s.drift.length) lines.push('  drift (changed outside Terraform):', ...s.drift.flatMap(line));
    for (const o of s.outputs) lines.push(`  output ${o.name}: ${o.action} ${o.before ?? '(none)'} -> ${o.after ?? '(none)'}`);
    if (s.deferred?.length) lines.push('  deferred (planned after a later apply):', ...s.deferred.flatMap(line));
    for (const f of s.security?.introduced ?? []) lines.push(`  security: introduced ${f.ruleId} ${f.address}: ${f.message}`);
    for (const w of s.security?.widening ?? []) lines.push(`  security: widening ${w}`);
    for (const f of s.security?.fixed ?? []) lines.push(`  security: fixed ${f.ruleId} ${f.address}`);
    for (const w of s.warnings ?? []) lines.push(`  warning: ${w}`);
  }
  return `${lines.join('\n')}\n`;
}
