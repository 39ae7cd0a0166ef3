import { REPLACEMENT_UNKNOWN } from './config-diff';
import { countByAction, PlanReport, ResourceChange, StackChanges } from './model';

/** GitHub rejects issue and pull-request comments longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;
const MAX_ROWS = 40;
const MAX_VALUE = 200;

const ICON: Record<string, string> = { 'delete': '🗑️', 'replace': '♻️', 'update': '✏️', 'create': '➕', 'read': '📖', 'forget': '🫥', 'no-op': '·' };

interface Block {
  /** Position in the document. */
  readonly order: number;
  /** 0 is never cut; higher is cut first. */
  readonly priority: number;
  /** What the footer says was cut. */
  readonly category: string;
  readonly text: string;
  /** A shorter form for must-keep blocks when even they do not fit. */
  readonly compact?: string;
}

const code = (s: string) => `<code>${escapeHtml(s)}</code>`;
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function cell(value: string | undefined): string {
  if (value === undefined) return '';
  const v = value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  return `<code>${escapeHtml(v).replace(/\|/g, '&#124;').replace(/\n/g, ' ')}</code>`;
}

function summaryLine(c: ResourceChange): string {
  const bits = [c.reason && c.reason !== REPLACEMENT_UNKNOWN ? c.reason.replace(/_/g, ' ') : undefined];
  if (c.previousAddress) bits.push(`moved from ${code(c.previousAddress)}`);
  if (c.replacePaths.length) bits.push(`forced by ${c.replacePaths.map(code).join(', ')}`);
  if (c.importing) bits.push('import');
  if (c.ownership?.owner) bits.push(`owner ${escapeHtml(c.ownership.owner)}`);
  if (c.ownership?.kind) bits.push(escapeHtml(c.ownership.kind));
  if (c.stateful && (c.action === 'delete' || c.action === 'replace')) bits.push('<b>stateful</b>');
  const rest = bits.filter(Boolean).join(' · ');
  return `${ICON[c.action]} <b>${c.action}</b> ${code(c.address)}${rest ? ` — ${rest}` : ''}`;
}

function entry(c: ResourceChange): string {
  const rows = c.attributes.slice(0, MAX_ROWS).map((a) => `| ${cell(a.path)} | ${cell(a.before)} | ${cell(a.after)} |`);
  if (c.attributes.length > MAX_ROWS) rows.push(`| … ${c.attributes.length - MAX_ROWS} more attributes | | |`);
  const findings = (c.findings ?? []).map((f) => `- ${f.status === 'unknown' ? '❔' : f.severity === 'error' ? '⛔' : f.severity === 'warning' ? '⚠️' : 'ℹ️'} \`${f.ruleId}\` ${escapeHtml(f.message)}`);
  const path = c.ownership?.constructPath ? `\nConstruct: ${code(c.ownership.constructPath)}\n` : '';
  const table = rows.length ? `\n| attribute | before | after |\n| --- | --- | --- |\n${rows.join('\n')}\n` : '\n(no attribute changes)\n';
  return `<details><summary>${summaryLine(c)}</summary>\n${path}${table}${findings.length ? `\n${findings.join('\n')}\n` : ''}\n</details>\n`;
}

function counts(report: PlanReport): string {
  const n = countByAction(report);
  const parts = [[n.create, 'to create'], [n.update, 'to update'], [n.replace, 'to replace'], [n.delete, 'to destroy'], [n.read, 'to read'], [n.forget, 'to forget']]
    .filter(([count]) => count).map(([count, what]) => `${count} ${what}`);
  return parts.length ? parts.join(' · ') : 'no changes';
}

function riskLine(report: PlanReport): string {
  const risky = report.stacks.flatMap((s) => s.changes.filter((c) => c.stateful && (c.action === 'delete' || c.action === 'replace')).map((c) => ({ s, c })));
  if (!risky.length) return '> ✅ No stateful resource (database, bucket, key, cluster, state backend) is destroyed or replaced.';
  const list = risky.slice(0, 10).map(({ s, c }) => `${c.action === 'delete' ? 'destroys' : 'replaces'} ${code(c.address)} in ${escapeHtml(s.stack)}`).join(', ');
  return `> ⚠️ **Risk: ${risky.length} stateful resource${risky.length > 1 ? 's' : ''} destroyed or replaced** — ${list}${risky.length > 10 ? `, and ${risky.length - 10} more` : ''}. Their data does not survive.`;
}

/** Blocks for one stack, in display order: destroys and replaces, updates, creates, drift, outputs. */
function stackBlocks(s: StackChanges, base: number): Block[] {
  const blocks: Block[] = [];
  let order = base;
  const by = (...actions: string[]) => s.changes.filter((c) => actions.includes(c.action));
  // headings carry no category: only cut resources and tables are counted in the footer
  const header = (text: string, priority: number, category = '') => blocks.push({ order: order++, priority, category, text });
  const n = s.changes.filter((c) => c.action !== 'no-op').length;
  header(`\n### Stack ${code(s.stack)} — ${n} change${n === 1 ? '' : 's'}\n\n`, 0);
  const section = (title: string, items: readonly ResourceChange[], priority: number, category: string) => {
    if (!items.length) return;
    header(`**${title}**\n\n`, priority);
    for (const c of items) blocks.push({ order: order++, priority, category, text: entry(c), compact: `- ${summaryLine(c)}\n` });
  };
  section('Destroy and replace', [...by('delete'), ...by('replace')], 0, 'destroys');
  section('Update', by('update'), 2, 'updates');
  section('Create', [...by('create'), ...by('read'), ...by('forget')], 3, 'creates');
  section('Moved (no other change)', s.changes.filter((c) => c.action === 'no-op' && c.previousAddress), 4, 'moves');
  section('Drift (changed outside Terraform since the last apply)', s.drift, 4, 'drift entries');
  if (s.outputs.length) {
    header(`**Outputs**\n\n| output | action | before | after |\n| --- | --- | --- | --- |\n${s.outputs.map((o) => `| ${code(o.name)} | ${o.action} | ${cell(o.before)} | ${cell(o.after)} |`).join('\n')}\n\n`, 5, 'output tables');
  }
  return blocks;
}

/**
 * The pull-request report. It always fits `maxChars` (GitHub's comment limit by default):
 * the summary, the risk line and every destroy are kept; updates, then creates, then drift
 * and outputs are cut from the end as needed, and the footer says what was cut.
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
  ].join('\n');
  const blocks: Block[] = [];
  report.stacks.forEach((s, i) => blocks.push(...stackBlocks(s, (i + 1) * 1_000_000)));

  const footerReserve = 400;
  let budget = maxChars - head.length - footerReserve;
  const keep = new Map<Block, string>();
  const must = blocks.filter((b) => b.priority === 0);
  const mustFull = must.reduce((n, b) => n + b.text.length, 0);
  const useCompact = mustFull > budget;
  const cut = new Map<string, number>();
  for (const b of must) {
    const text = useCompact ? b.compact ?? b.text : b.text;
    if (text.length <= budget) {
      keep.set(b, text);
      budget -= text.length;
    } else {
      if (b.category) cut.set(b.category, (cut.get(b.category) ?? 0) + 1);
    }
  }
  for (const b of blocks.filter((x) => x.priority > 0).sort((x, y) => x.priority - y.priority || x.order - y.order)) {
    if (b.text.length <= budget) {
      keep.set(b, b.text);
      budget -= b.text.length;
    } else {
      // keep going: a smaller block further down may still fit
      if (b.category) cut.set(b.category, (cut.get(b.category) ?? 0) + 1);
    }
  }
  const body = [...keep].sort(([a], [b]) => a.order - b.order).map(([, text]) => text).join('');
  const notes: string[] = [];
  if (useCompact) notes.push('destroy diffs shortened to one line each');
  if (cut.size) notes.push(`cut: ${[...cut].map(([what, n]) => `${n} ${what}`).join(', ')}`);
  const footer = notes.length
    ? `\n---\n✂️ Shortened to fit GitHub's ${maxChars.toLocaleString('en-US')}-character comment limit (${notes.join('; ')}). Run \`goldenpath plan --format text\` for everything.\n`
    : '';
  return `${head}${body}${footer}`;
}
