import { goldenPathVersion } from '../../core/version';
import { Finding, FindingsReport, Rule, Severity } from '../model';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifLocation {
  readonly file: string;
  readonly line: number;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, our rules as reportingDescriptors, each
 * finding located at its resource in cdk.tf.json. Suppressed findings carry an external
 * suppression with the written reason, so code scanning shows them as dismissed.
 */
export function renderSarif(report: FindingsReport, rules: readonly Rule[], locate: (f: Finding) => SarifLocation): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'goldenpath',
          version: goldenPathVersion(),
          informationUri: 'https://www.npmjs.com/package/goldenpath',
          rules: rules.map((r) => ({
            id: r.id,
            name: r.id.replace(/-/g, ''),
            shortDescription: { text: r.title },
            fullDescription: { text: r.rationale },
            help: { text: r.remediation, markdown: `**Fix:** ${r.remediation}` },
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { tags: ['security', ...(r.checkov ?? []), ...(r.cis ?? []).map((c) => `CIS-${c}`)] },
          })),
        },
      },
      results: report.findings.map((f) => {
        const loc = locate(f);
        return {
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: f.status === 'unknown' ? 'note' : LEVEL[f.severity],
          message: { text: `${f.status === 'unknown' ? 'Could not be decided at synth time: ' : ''}${f.message} (${f.address}${f.constructPath ? `, ${f.constructPath}` : ''})` },
          locations: [{
            physicalLocation: { artifactLocation: { uri: loc.file.split('\\').join('/') }, region: { startLine: loc.line } },
            logicalLocations: [{ fullyQualifiedName: `${f.stack}/${f.address}`, kind: 'resource' }],
          }],
          partialFingerprints: { goldenpathFinding: `${f.ruleId}/${f.stack}/${f.address}` },
          ...(f.status === 'suppressed' ? { suppressions: [{ kind: 'external', justification: f.suppression?.reason ?? '' }] } : {}),
        };
      }),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
