import { FindingsReport } from '../model';

/** The findings JSON contract (see README "Findings JSON"). */
export function renderJson(report: FindingsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
