import { OutputChange, ResourceChange, StackChanges } from './model';
import { isStateful } from './risk';
import { compareFindings, wideningChanges } from './security';
import { diffAttributes, flatten } from './values';
import { readCdktfOut, SynthesizedStack } from '../core/cdktf-out';
import { resolveDocument } from '../policy/resolve';

export const REPLACEMENT_UNKNOWN = 'replacement not known without a plan';

/**
 * The managed resources of a stack with what is knowable before plan resolved (variables,
 * locals, `jsonencode`, policy documents), as the guardrails read them: a policy written as
 * `${jsonencode(...)}` or `${data.aws_iam_policy_document.x.json}` is diffed statement by
 * statement, and a widened one is flagged, like a literal one.
 */
function resourcesOf(stack: SynthesizedStack | undefined): Map<string, { type: string; config: any }> {
  const out = new Map<string, { type: string; config: any }>();
  if (!stack) return out;
  for (const r of resolveDocument(stack.json)) if (!r.type.startsWith('data.')) out.set(r.address, { type: r.type, config: r.config });
  return out;
}

function change(address: string, type: string, action: 'create' | 'update' | 'delete', before: any, after: any, reason: string): ResourceChange {
  return {
    address,
    type,
    action,
    actions: [action],
    reason,
    replacePaths: [],
    attributes: diffAttributes(flatten(before, undefined, undefined), flatten(after, undefined, undefined)),
    importing: false,
    stateful: isStateful(type),
  };
}

/** Diff one stack's configuration between two syntheses (no state: no drift, no replacement). */
export function diffStack(name: string, base: SynthesizedStack | undefined, head: SynthesizedStack | undefined): StackChanges {
  const before = resourcesOf(base);
  const after = resourcesOf(head);
  const changes: ResourceChange[] = [];
  for (const [address, b] of before) {
    const a = after.get(address);
    if (!a) {
      changes.push(change(address, b.type, 'delete', b.config, undefined, head ? 'removed from the configuration' : 'the whole stack was removed'));
    } else if (JSON.stringify(a.config) !== JSON.stringify(b.config)) {
      changes.push(change(address, a.type, 'update', b.config, a.config, REPLACEMENT_UNKNOWN));
    }
  }
  for (const [address, a] of after) {
    if (!before.has(address)) changes.push(change(address, a.type, 'create', undefined, a.config, 'added to the configuration'));
  }
  const outputs: OutputChange[] = [];
  const bo = base?.json?.output ?? {};
  const ao = head?.json?.output ?? {};
  for (const k of new Set([...Object.keys(bo), ...Object.keys(ao)])) {
    const [b, a] = [bo[k], ao[k]];
    const sensitive = b?.sensitive === true || a?.sensitive === true;
    const show = (o: any) => (o === undefined ? undefined : sensitive ? '(sensitive value)' : JSON.stringify(o.value));
    if (!b) outputs.push({ name: k, action: 'create', after: show(a) });
    else if (!a) outputs.push({ name: k, action: 'delete', before: show(b) });
    else if (JSON.stringify(a) !== JSON.stringify(b)) outputs.push({ name: k, action: 'update', before: show(b), after: show(a) });
  }
  const list = (m: Map<string, { type: string; config: any }>) => [...m].map(([address, r]) => ({ address, type: r.type, config: r.config }));
  return { stack: name, source: 'config-diff', changes, drift: [], outputs, security: { ...compareFindings(name, list(before), list(after)), widening: wideningChanges(changes) } };
}

/** The offline review: every stack of two cdktf.out trees, compared configuration to configuration. */
export function diffCdktfOut(baseDir: string, headDir: string): { stacks: StackChanges[]; head: SynthesizedStack[]; base: SynthesizedStack[] } {
  const baseStacks = readCdktfOut(baseDir);
  const base = new Map(baseStacks.map((s) => [s.name, s]));
  const head = readCdktfOut(headDir);
  const headByName = new Map(head.map((s) => [s.name, s]));
  const names = [...new Set([...headByName.keys(), ...base.keys()])].sort();
  return { stacks: names.map((n) => diffStack(n, base.get(n), headByName.get(n))).filter((s) => s.changes.length || s.outputs.length), head, base: baseStacks };
}
