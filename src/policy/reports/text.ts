import { Finding, FindingsReport } from '../model';

const label = (f: Finding) => (f.status === 'fail' ? f.severity.toUpperCase() : f.status.toUpperCase());

/** Plain text for terminals and CI logs: one line per finding, then the summary. */
export function renderText(report: FindingsReport): string {
  const lines = report.findings.map((f) =>
    `${label(f).padEnd(10)} ${f.ruleId}  ${f.stack}  ${f.address}${f.constructPath ? ` (${f.constructPath})` : ''}\n` +
    `           ${f.title}: ${f.message}${f.status === 'suppressed' ? ` — suppressed: ${f.suppression?.reason}` : ''}`);
  const s = report.summary;
  lines.push(`${s.error} error, ${s.warning} warning, ${s.info} info, ${s.unknown} unknown, ${s.suppressed} suppressed ` +
    `(${s.rules} rules over ${s.resources} resources in ${s.stacks} stacks)`);
  return `${lines.join('\n')}\n`;
}
