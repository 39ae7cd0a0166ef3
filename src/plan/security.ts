import { ResourceChange, SecurityDelta, SENSITIVE } from './model';
import { Secrets } from '../core/secrets';
import { findingOf, RuleSet, Verdict, verdicts } from '../policy/engine';
import { Finding, StackView } from '../policy/model';
import { BUILT_IN_PACKS } from '../policy/packs';
import { stackView } from '../policy/stack-view';

const RULES = new RuleSet(BUILT_IN_PACKS);

/** Deeper than any resource schema: what is below is judged unknown rather than walked. */
const MAX_DEPTH = 64;

/** Replace masked parts of a value: sensitive ones by a marker, unknown ones by an expression (rules say "unknown"). */
function masked(value: unknown, sensitive: unknown, unknown: unknown, depth = 0): unknown {
  if (sensitive === true) return SENSITIVE;
  if (unknown === true || depth > MAX_DEPTH) return '${unknown}';
  if (Array.isArray(value)) return value.map((v, i) => masked(v, (sensitive as any)?.[i], (unknown as any)?.[i], depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = masked(v, (sensitive as any)?.[k], (unknown as any)?.[k], depth + 1);
    for (const [k, u] of Object.entries((unknown as object | undefined) ?? {})) if (!(k in out) && u === true) out[k] = '${unknown}';
    return out;
  }
  return value;
}

type Config = { address: string; type: string; config: unknown };

/**
 * Failed rules on a set of resources, keyed `address rule`; only resources `judged` admits
 * are judged, the others are there for the rules that look across resources. Findings are
 * made later, for the few keys that differ between before and after.
 */
interface Failures {
  /** address → rule id → verdict */
  readonly failed: Map<string, Map<string, Verdict>>;
  readonly view: StackView;
  readonly addressOf: Map<string, string>;
}

function failures(name: string, resources: readonly Config[], judged?: ReadonlySet<string>): Failures {
  const json: { resource: Record<string, Record<string, unknown>> } = { resource: {} };
  const addressOf = new Map<string, string>();
  resources.forEach((r, i) => {
    const key = `r${i}`;
    (json.resource[r.type] ??= {})[key] = r.config;
    addressOf.set(`${r.type}.${key}`, r.address);
  });
  const view = stackView(name, json);
  // by address, then rule: no key string per verdict (a big plan has tens of thousands)
  const failed = new Map<string, Map<string, Verdict>>();
  for (const v of verdicts(view, RULES, judged && ((r) => judged.has(addressOf.get(r.address)!)))) {
    if (v.outcome.status !== 'fail') continue;
    const address = addressOf.get(v.resource.address)!;
    let rules = failed.get(address);
    if (!rules) failed.set(address, (rules = new Map()));
    rules.set(v.active.rule.id, v);
  }
  return { failed, view, addressOf };
}

/** Compare the guardrails on the old and the new configuration of the same resources. */
export function compareFindings(name: string, before: readonly Config[], after: readonly Config[]): { introduced: Finding[]; fixed: Finding[] } {
  // a resource that is destroyed fixes nothing and introduces nothing: its old self is not judged
  const stillThere = new Set(after.map((r) => r.address));
  const was = failures(name, before, stillThere);
  const now = failures(name, after);
  /** Findings on one side whose rule does not fail on the same resource on the other. */
  const onlyIn = (side: Failures, other: Failures): Finding[] => {
    const out: Finding[] = [];
    for (const [address, rules] of side.failed) {
      const there = other.failed.get(address);
      for (const [ruleId, v] of rules) if (!there?.has(ruleId)) out.push({ ...findingOf(side.view, v), address });
    }
    return out;
  };
  return { introduced: onlyIn(now, was), fixed: onlyIn(was, now) };
}

const INTERNET = new Set(['"0.0.0.0/0"', '"::/0"']);
/** Switches that protect: turning one from true to false widens. */
const PROTECTIONS = ['encrypted', 'storage_encrypted', 'at_rest_encryption_enabled', 'transit_encryption_enabled', 'enable_key_rotation', 'block_public_acls',
  'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets', 'deletion_protection', 'enable_log_file_validation', 'is_multi_region_trail', 'enabled'];
const OFF_WHEN_FALSE = new RegExp(`(^|\\.)(${PROTECTIONS.join('|')})$`);

/**
 * Changes that widen access even when no rule fails: a new wildcard action, resource or
 * principal in a policy; an ingress opened to the internet; encryption, a public access
 * block or a protection switched off.
 */
export function wideningChanges(changes: readonly ResourceChange[]): string[] {
  const out: string[] = [];
  for (const c of changes) {
    if (c.mode === 'data' || c.action === 'delete' || c.action === 'no-op') continue;
    for (const a of c.attributes) {
      const added = a.after !== undefined && a.before !== a.after;
      if (!added) continue;
      const leaf = a.path.replace(/\[[^\]]*\]$/, '');
      if (/\{json\}.*\.(Action|NotAction)$/.test(leaf) && (a.after === '"*"' || /:\*"$/.test(a.after!))) {out.push(`${c.address}: new wildcard action ${a.after}`);} else if (/\{json\}.*\.Resource$/.test(leaf) && a.after === '"*"') {out.push(`${c.address}: new wildcard resource "*"`);} else if (/\{json\}.*\.Principal(\.AWS)?$/.test(leaf) && a.after === '"*"') {out.push(`${c.address}: new wildcard principal "*"`);} else if (/(cidr_blocks|ipv6_cidr_blocks|cidr_ipv4|cidr_ipv6)$/.test(leaf) && INTERNET.has(a.after!) && (/ingress/.test(a.path) || /ingress_rule$/.test(c.type))) {
        out.push(`${c.address}: ingress opened to ${a.after}`);
      } else if (OFF_WHEN_FALSE.test(a.path) && a.before === 'true' && a.after === 'false') {out.push(`${c.address}: ${a.path} switched off`);} else if (/(^|\.)http_tokens$/.test(a.path) && a.before === '"required"') {out.push(`${c.address}: IMDSv2 no longer required (${a.after})`);} else if (/(^|\.)publicly_accessible$/.test(a.path) && a.after === 'true') {out.push(`${c.address}: made publicly accessible`);}
    }
    for (const a of c.attributes) {
      if (a.after === undefined && a.before !== undefined && /(sse_algorithm|kms_master_key_id|kms_key_id|server_side_encryption)/.test(a.path)) {
        out.push(`${c.address}: ${a.path} removed`);
      }
    }
  }
  return [...new Set(out)];
}

/** The security delta of a plan: guardrails on before and after of every managed resource, and widening changes. */
export function securityDelta(stack: string, raw: readonly unknown[], changes: readonly ResourceChange[], secrets: Secrets = Secrets.NONE): SecurityDelta {
  const before: Array<{ address: string; type: string; config: unknown }> = [];
  const after: Array<{ address: string; type: string; config: unknown }> = [];
  for (const rc of raw as any[]) {
    if (!rc || typeof rc !== 'object' || rc.mode === 'data' || typeof rc.type !== 'string' || typeof rc.address !== 'string') continue;
    const ch = rc.change ?? {};
    if (ch.before && typeof ch.before === 'object') before.push({ address: rc.address, type: rc.type, config: secrets.scrub(masked(ch.before, ch.before_sensitive, undefined)) });
    if (ch.after && typeof ch.after === 'object') after.push({ address: rc.address, type: rc.type, config: secrets.scrub(masked(ch.after, ch.after_sensitive, ch.after_unknown)) });
  }
  return { ...compareFindings(stack, before, after), widening: wideningChanges(changes) };
}
