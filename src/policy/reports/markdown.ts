import { Finding, FindingsReport } from '../model';

const ICON: Record<string, string> = { error: '⛔', warning: '⚠️', info: 'ℹ️', unknown: '❔', suppressed: '🔕' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(f: Finding): string {
  const kind = f.status === 'fail' ? f.severity : f.status;
  const detail = f.status === 'suppressed' ? `${f.message} — suppressed: ${f.suppression?.reason}` : f.message;
  return `| ${ICON[kind]} ${kind} | \`${f.ruleId}\` | ${cell(f.stack)} | \`${cell(f.address)}\` | ${cell(detail)} |`;
}

/** Markdown for pull requests: the summary first, then the findings, worst first. */
export function renderMarkdown(report: FindingsReport): string {
  const s = report.summary;
  const order = (f: Finding) => (f.status === 'fail' ? ['error', 'warning', 'info'].indexOf(f.severity) : f.status === 'unknown' ? 3 : 4);
  const sorted = [...report.findings].sort((a, b) => order(a) - order(b));
  const lines = [
    '## Guardrails',
    '',
    `**${s.error} error · ${s.warning} warning · ${s.info} info · ${s.unknown} unknown · ${s.suppressed} suppressed** — ${s.rules} rules over ${s.resources} resources in ${s.stacks} stacks`,
    '',
  ];
  if (sorted.length) {
    lines.push('| | rule | stack | resource | finding |', '| --- | --- | --- | --- | --- |', ...sorted.map(row));
  } else {
    lines.push('No findings.');
  }
  return `${lines.join('\n')}\n`;
}
