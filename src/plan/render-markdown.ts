import { structuredPatch } from 'diff';
import { REPLACEMENT_UNKNOWN } from './config-diff';
import { countByAction, GITHUB_COMMENT_LIMIT, PlanReport, ResourceChange, StackChanges } from './model';

export { GITHUB_COMMENT_LIMIT };

const MAX_ROWS = 40;
/** Lines per security list; the section comes first and must leave room for the destroys. */
const SECURITY_LINES = 25;
/** Values longer than this, or on several lines, are shown as a line diff below the table. */
const LONG_VALUE = 120;

const ICON: Record<string, string> = { 'delete': '🗑️', 'replace': '♻️', 'update': '✏️', 'create': '➕', 'read': '📖', 'forget': '🫥', 'no-op': '·' };

interface Block {
  /** Position in the document. */
  readonly order: number;
  /** 0 is never cut; higher is cut first. */
  readonly priority: number;
  /** What the footer says was cut. */
  readonly category: string;
  /**
   * The text, rendered only when it may still fit: a plan of ten thousand changes fills the
   * comment after a few hundred, and the rest are counted, never rendered.
   */
  readonly text: () => string;
  /** A length the text is never shorter than, known without rendering it. */
  readonly atLeast: number;
  /** A shorter form for must-keep blocks when even they do not fit, and its lower bound. */
  readonly compact?: () => string;
  readonly compactAtLeast?: number;
}

/** Renders a block's text once. */
function once(render: () => string): () => string {
  let text: string | undefined;
  return () => (text ??= render());
}

/**
 * Text from the plan, made inert for GitHub: every ASCII punctuation character becomes a
 * numeric entity (so no link, image, emphasis, code span, table pipe, autolink, emoji or math
 * can form), control characters and newlines become spaces, and `@` and `#` get a zero-width
 * space after them (no mention, no issue reference).
 */
export function inert(s: string): string {
  // one pass over the characters with a table: the report renders hundreds of thousands of them
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const replacement = INERT[s.charCodeAt(i)];
    if (replacement === undefined) continue;
    out += s.slice(from, i) + replacement;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** What `inert` writes for each ASCII character it replaces. */
const INERT: Array<string | undefined> = Array.from({ length: 128 }, (_v, c) => {
  if (c < 0x20 || c === 0x7f) return ' ';
  const ch = String.fromCharCode(c);
  if (!/[!-/:-@[-`{-~]/.test(ch)) return undefined;
  return `&#${c};${ch === '@' || ch === '#' ? '&#8203;' : ''}`;
});

const code = (s: string) => `<code>${inert(s)}</code>`;

/** A fence longer than any run of backticks in the content, so data cannot close it. */
function fence(content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The original text of a rendered value, when it is a string. */
function stringOf(rendered: string | undefined): string | undefined {
  if (rendered === undefined || !rendered.startsWith('"')) return undefined;
  try {
    return JSON.parse(rendered);
  } catch {
    return undefined;
  }
}

const isLong = (v: string | undefined) => v !== undefined && (v.length > LONG_VALUE || (stringOf(v)?.includes('\n') ?? false));

/** The changed lines of a long text, with a line of context: never a shared prefix alone. */
function textDiff(path: string, before: string | undefined, after: string | undefined): string {
  const b = stringOf(before) ?? before ?? '';
  const a = stringOf(after) ?? after ?? '';
  const patch = structuredPatch('before', 'after', b.endsWith('\n') ? b : `${b}\n`, a.endsWith('\n') ? a : `${a}\n`, '', '', { context: 1 });
  const lines = patch.hunks.flatMap((h) => [`@@ line ${h.oldStart} @@`, ...h.lines.filter((l) => !l.startsWith('\\'))]);
  // a one-line value changed in the middle: show it in words, changed part first
  const body = lines.join('\n');
  const f = fence(body);
  return `\n${code(path)} (text diff):\n\n${f}diff\n${body}\n${f}\n`;
}

function cell(value: string | undefined, long: boolean): string {
  if (value === undefined) return '';
  if (long) return '<i>long text: see the diff below</i>';
  return code(value);
}

function summaryLine(c: ResourceChange): string {
  const bits = [c.reason && c.reason !== REPLACEMENT_UNKNOWN ? inert(c.reason.replace(/_/g, ' ')) : undefined];
  if (c.previousAddress) bits.push(`moved from ${code(c.previousAddress)}`);
  if (c.replacePaths.length) bits.push(`forced by ${c.replacePaths.map(code).join(', ')}`);
  if (c.importing) bits.push('import');
  if (c.ownership?.owner) bits.push(`owner ${inert(c.ownership.owner)}`);
  if (c.ownership?.kind) bits.push(inert(c.ownership.kind));
  if (c.stateful && (c.action === 'delete' || c.action === 'replace')) bits.push('<b>stateful</b>');
  const rest = bits.filter(Boolean).join(' · ');
  return `${ICON[c.action]} <b>${c.action}</b> ${code(c.address)}${rest ? ` — ${rest}` : ''}`;
}

function entry(c: ResourceChange): string {
  const shown = c.attributes.slice(0, MAX_ROWS);
  const rows = shown.map((a) => {
    const long = isLong(a.before) || isLong(a.after);
    return `| ${code(a.path)} | ${cell(a.before, long)} | ${cell(a.after, long)} |`;
  });
  if (c.attributes.length > MAX_ROWS) rows.push(`| … ${c.attributes.length - MAX_ROWS} more attributes | | |`);
  const diffs = shown.filter((a) => isLong(a.before) || isLong(a.after)).map((a) => textDiff(a.path, a.before, a.after)).join('');
  const findings = (c.findings ?? []).map((f) => `- ${f.status === 'unknown' ? '❔' : f.severity === 'error' ? '⛔' : f.severity === 'warning' ? '⚠️' : 'ℹ️'} ${code(f.ruleId)} ${inert(f.message)}`);
  const path = c.ownership?.constructPath ? `\nConstruct: ${code(c.ownership.constructPath)}\n` : '';
  const table = rows.length ? `\n| attribute | before | after |\n| --- | --- | --- |\n${rows.join('\n')}\n` : '\n(no attribute changes)\n';
  // every HTML block ends with a blank line, so the Markdown after it is Markdown again
  return `<details><summary>${summaryLine(c)}</summary>\n${path}${table}${diffs}${findings.length ? `\n${findings.join('\n')}\n` : ''}\n</details>\n\n`;
}

function counts(report: PlanReport): string {
  const n = countByAction(report);
  const imports = report.stacks.reduce((k, s) => k + s.changes.filter((c) => c.importing).length, 0);
  const parts = [[n.create, 'to create'], [n.update, 'to update'], [n.replace, 'to replace'], [n.delete, 'to destroy'], [n.read, 'to read'], [n.forget, 'to forget'], [imports, 'to import']]
    .filter(([count]) => count).map(([count, what]) => `${count} ${what}`);
  return parts.length ? parts.join(' · ') : 'no changes';
}

function riskLine(report: PlanReport): string {
  const risky = report.stacks.flatMap((s) => s.changes.filter((c) => c.stateful && (c.action === 'delete' || c.action === 'replace')).map((c) => ({ s, c })));
  if (!risky.length) return '> ✅ No resource that holds data (database, bucket, queue, key, cluster, log group, repository) is destroyed or replaced.';
  const list = risky.slice(0, 10).map(({ s, c }) => `${c.action === 'delete' ? 'destroys' : 'replaces'} ${code(c.address)} in ${code(s.stack)}`).join(', ');
  return `> ⚠️ **Risk: ${risky.length} resource${risky.length > 1 ? 's' : ''} that hold${risky.length > 1 ? '' : 's'} data destroyed or replaced** — ${list}${risky.length > 10 ? `, and ${risky.length - 10} more` : ''}. Their data does not survive.`;
}

/** The security delta of every stack, first in the comment. */
function securitySection(report: PlanReport): string {
  const introduced = report.stacks.flatMap((s) => (s.security?.introduced ?? []).map((f) => ({ s, f })));
  const fixed = report.stacks.flatMap((s) => (s.security?.fixed ?? []).map((f) => ({ s, f })));
  const widening = report.stacks.flatMap((s) => (s.security?.widening ?? []).map((w) => ({ s, w })));
  if (!report.stacks.some((s) => s.security)) return '';
  if (!introduced.length && !fixed.length && !widening.length) return '### Security\n\n✅ No guardrail finding introduced or fixed, and nothing widened.\n\n';
  const line = (emoji: string, s: StackChanges, f: { ruleId: string; address: string; message: string }) => `- ${emoji} ${code(f.ruleId)} ${code(f.address)} in ${code(s.stack)}: ${inert(f.message)}`;
  // first in the comment, so it is kept whole up to a share of the limit; the rest is counted
  const capped = (lines: string[]) => (lines.length > SECURITY_LINES ? [...lines.slice(0, SECURITY_LINES), `- … and ${lines.length - SECURITY_LINES} more (goldenpath plan --format text lists them all)`] : lines);
  return [
    '### Security',
    '',
    ...(introduced.length ? [`**${introduced.length} finding${introduced.length > 1 ? 's' : ''} introduced**`, '', ...capped(introduced.map(({ s, f }) => line('⛔', s, f))), ''] : []),
    ...(widening.length ? [`**${widening.length} widening change${widening.length > 1 ? 's' : ''}**`, '', ...capped(widening.map(({ s, w }) => `- ⚠️ ${inert(w)} in ${code(s.stack)}`)), ''] : []),
    ...(fixed.length ? [`**${fixed.length} finding${fixed.length > 1 ? 's' : ''} fixed**`, '', ...capped(fixed.map(({ s, f }) => line('✅', s, f))), ''] : []),
    '',
  ].join('\n');
}

/** Blocks for one stack, in display order: destroys and replaces, updates, creates, reads, deferred, drift, outputs. */
function stackBlocks(s: StackChanges, base: number): Block[] {
  const blocks: Block[] = [];
  let order = base;
  const managed = s.changes.filter((c) => c.mode !== 'data');
  const by = (...actions: string[]) => managed.filter((c) => actions.includes(c.action));
  // headings carry no category: only cut resources and tables are counted in the footer
  const header = (text: string, priority: number, category = '') => blocks.push({ order: order++, priority, category, text: () => text, atLeast: text.length });
  const n = managed.filter((c) => c.action !== 'no-op').length;
  header(`\n### Stack ${code(s.stack)} — ${n} change${n === 1 ? '' : 's'}\n\n`, 0);
  if (s.warnings?.length) {
    header(`> ⚠️ ${s.warnings.length} note${s.warnings.length > 1 ? 's' : ''} while reading the plan: ${s.warnings.slice(0, 5).map(inert).join('; ')}${s.warnings.length > 5 ? '; …' : ''}\n\n`, 0);
  }
  const section = (title: string, items: readonly ResourceChange[], priority: number, category: string) => {
    if (!items.length) return;
    header(`#### ${title}\n\n`, priority);
    for (const c of items) {
      // inert never shortens text; the fixed parts of an entry and of a table row are longer than these margins
      const summaryAtLeast = c.address.length + c.action.length + 20;
      const rowsAtLeast = c.attributes.slice(0, MAX_ROWS).reduce((sum, a) => sum + a.path.length + 20, 0);
      blocks.push({
        order: order++,
        priority,
        category,
        text: once(() => entry(c)),
        atLeast: summaryAtLeast + 30 + rowsAtLeast,
        compact: once(() => `- ${summaryLine(c)}\n\n`),
        compactAtLeast: summaryAtLeast + 4,
      });
    }
  };
  section('Destroy and replace', [...by('delete'), ...by('replace')], 0, 'destroys');
  section('Update', by('update'), 2, 'updates');
  section('Create', [...by('create'), ...by('forget')], 3, 'creates');
  section('Import', managed.filter((c) => c.importing && c.action === 'no-op'), 3, 'imports');
  section('Moved (no other change)', managed.filter((c) => c.action === 'no-op' && c.previousAddress), 4, 'moves');
  const reads = s.changes.filter((c) => c.mode === 'data' || c.action === 'read');
  if (reads.length) {
    header(`#### Data sources read during apply\n\n${reads.map((c) => `- ${ICON.read} ${code(c.address)}${c.reason ? ` — ${inert(c.reason.replace(/_/g, ' '))}` : ''}`).join('\n')}\n\n`, 4, 'data-source lists');
  }
  section('Deferred (planned after a later apply)', s.deferred ?? [], 4, 'deferred changes');
  section('Drift (changed outside Terraform since the last apply)', s.drift, 4, 'drift entries');
  if (s.outputs.length) {
    const long = (v?: string) => isLong(v);
    header(`#### Outputs\n\n| output | action | before | after |\n| --- | --- | --- | --- |\n${s.outputs.map((o) => `| ${code(o.name)} | ${o.action} | ${cell(o.before, long(o.before) || long(o.after))} | ${cell(o.after, long(o.before) || long(o.after))} |`).join('\n')}\n\n` +
      s.outputs.filter((o) => long(o.before) || long(o.after)).map((o) => textDiff(o.name, o.before, o.after)).join(''), 5, 'output tables');
  }
  return blocks;
}

/**
 * The pull-request report. It always fits `maxChars` (GitHub's comment limit by default):
 * the summary, the security delta, the risk line and every destroy are kept; updates, then
 * creates, then reads, drift and outputs are cut from the end as needed, and the footer says
 * what was cut. Every value from the plan is made inert (see `inert`).
 */
export function renderPlanMarkdown(report: PlanReport, maxChars = GITHUB_COMMENT_LIMIT): string {
  const offline = report.stacks.some((s) => s.source === 'config-diff');
  const head = [
    '## Plan review',
    '',
    `**${counts(report)}** across ${report.stacks.length} stack${report.stacks.length === 1 ? '' : 's'}`,
    '',
    riskLine(report),
    ...(offline ? ['', `> ℹ️ Offline review of two cdktf.out trees: updates may turn out to be replacements (${REPLACEMENT_UNKNOWN}); drift is not visible.`] : []),
    '',
    securitySection(report),
  ].join('\n');
  const blocks: Block[] = [];
  report.stacks.forEach((s, i) => blocks.push(...stackBlocks(s, (i + 1) * 1_000_000)));

  const footerReserve = 400;
  let budget = maxChars - head.length - footerReserve;
  const keep = new Map<Block, string>();
  const must = blocks.filter((b) => b.priority === 0);
  // do the must-keep blocks fit whole? Rendered only until the answer is known
  let mustFull = 0;
  for (const b of must) if ((mustFull += b.text().length) > budget) break;
  const useCompact = mustFull > budget;
  const cut = new Map<string, number>();
  const place = (b: Block, compact: boolean) => {
    const [text, atLeast] = compact && b.compact ? [b.compact, b.compactAtLeast ?? 0] : [b.text, b.atLeast];
    if (atLeast <= budget && text().length <= budget) {
      keep.set(b, text());
      budget -= text().length;
    } else if (b.category) {
      // keep going: a smaller block further down may still fit
      cut.set(b.category, (cut.get(b.category) ?? 0) + 1);
    }
  };
  for (const b of must) place(b, useCompact);
  for (const b of blocks.filter((x) => x.priority > 0).sort((x, y) => x.priority - y.priority || x.order - y.order)) place(b, false);
  const body = [...keep].sort(([a], [b]) => a.order - b.order).map(([, text]) => text).join('');
  const notes: string[] = [];
  if (useCompact) notes.push('destroy diffs shortened to one line each');
  if (cut.size) notes.push(`cut: ${[...cut].map(([what, n]) => `${n} ${what}`).join(', ')}`);
  const footer = notes.length
    ? `\n---\n\n✂️ Shortened to fit GitHub's ${maxChars.toLocaleString('en-US')}-character comment limit (${notes.join('; ')}). Run \`goldenpath plan --format text\` for everything.\n`
    : '';
  return `${head}${body}${footer}`;
}
