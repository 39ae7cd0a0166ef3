import { createHash } from 'crypto';
import { PlanReport, StackChanges } from './model';
import { InputError } from '../core/errors';

/**
 * What a reviewer approved, without secrets: per stack, each change's address, action and a
 * digest of its attribute diff (sensitive values are already masked when the plan is read).
 * On merge the plan is made again and compared with this before anything is applied.
 */
export interface ChangeSetDigest {
  readonly version: 1;
  readonly stacks: Record<string, Array<{ readonly address: string; readonly action: string; readonly digest: string }>>;
}

export function digestOf(report: PlanReport): ChangeSetDigest {
  const stacks: ChangeSetDigest['stacks'] = {};
  for (const s of report.stacks) {
    stacks[s.stack] = s.changes
      .filter((c) => c.action !== 'no-op' || c.previousAddress || c.importing)
      .map((c) => ({
        address: c.address,
        action: [c.action, c.previousAddress ? `moved from ${c.previousAddress}` : '', c.importing ? 'import' : ''].filter(Boolean).join(' '),
        digest: createHash('sha256').update(JSON.stringify(c.attributes)).digest('hex'),
      }))
      .sort((a, b) => a.address.localeCompare(b.address));
  }
  return { version: 1, stacks };
}

/** Read a digest written by `--digest-out`; bad shape is bad input. */
export function parseDigest(json: unknown, source: string): ChangeSetDigest {
  const d = json as ChangeSetDigest;
  if (!d || d.version !== 1 || typeof d.stacks !== 'object' || d.stacks === null) throw new InputError(`${source}: not a goldenpath change-set digest (version 1)`);
  return d;
}

/** Every way the planned change set differs from the reviewed one, one line each; empty when they match. */
export function compareDigests(reviewed: ChangeSetDigest, planned: ChangeSetDigest): string[] {
  const out: string[] = [];
  for (const [stack, changes] of Object.entries(planned.stacks)) {
    const before = new Map((reviewed.stacks[stack] ?? []).map((c) => [c.address, c]));
    if (!reviewed.stacks[stack] && changes.length) out.push(`${stack}: no reviewed plan for this stack`);
    for (const c of changes) {
      const r = before.get(c.address);
      if (!r) out.push(`${stack}: ${c.address} ${c.action} was not in the reviewed plan`);
      else if (r.action !== c.action) out.push(`${stack}: ${c.address} was reviewed as ${r.action}, now ${c.action}`);
      else if (r.digest !== c.digest) out.push(`${stack}: ${c.address} ${c.action} changes other attributes than reviewed`);
      before.delete(c.address);
    }
    for (const r of before.values()) out.push(`${stack}: ${r.address} ${r.action} was reviewed but is no longer planned`);
  }
  return out;
}

/** Reports written by `--format json`, merged (a stack may appear once). */
export function mergeReports(reports: Array<{ report: unknown; source: string }>): StackChanges[] {
  const stacks: StackChanges[] = [];
  const seen = new Set<string>();
  for (const { report, source } of reports) {
    const r = report as PlanReport;
    if (!r || !Array.isArray(r.stacks) || r.stacks.some((s) => !s || typeof s.stack !== 'string' || !Array.isArray(s.changes))) {
      throw new InputError(`${source}: not a goldenpath plan report (goldenpath plan --format json)`);
    }
    for (const s of r.stacks) {
      if (seen.has(s.stack)) throw new InputError(`${source}: stack ${s.stack} appears in two reports`);
      seen.add(s.stack);
      stacks.push({ ...s, drift: s.drift ?? [], outputs: s.outputs ?? [] });
    }
  }
  return stacks;
}
