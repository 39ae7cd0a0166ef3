// One API report per published entry point (api/<entry>.api.md), made by api-extractor from
// the compiled declarations in lib/. `npm run api:check` (part of `npm run build`) fails when
// the public API differs from the reports; `npm run api:update` rewrites them for review.
import { mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const root = resolve(__dirname, '..');
const update = process.argv.includes('--update');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Entry points as package.json exports them: `.` and every golden-path subpath. */
const entries = Object.entries<any>(pkg.exports)
  .filter(([, value]) => typeof value === 'object' && value.types)
  .map(([key, value]) => ({ name: key === '.' ? 'goldenpath' : `goldenpath-${key.slice(2)}`, types: join(root, value.types) }));

mkdirSync(join(root, 'api'), { recursive: true });
const changed: string[] = [];
for (const entry of entries) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      newlineKind: 'lf',
      mainEntryPointFilePath: entry.types,
      compiler: { overrideTsconfig: { compilerOptions: { strict: true, skipLibCheck: true, types: ['node'], moduleResolution: 'node', resolveJsonModule: true }, include: [entry.types] } },
      apiReport: { enabled: true, reportFileName: `${entry.name}.api.md`, reportFolder: join(root, 'api'), reportTempFolder: join(root, 'lib', '.api-tmp') },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // the report is the contract; TSDoc style and forgotten exports are not what we gate on here
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        extractorMessageReporting: { 'default': { logLevel: ExtractorLogLevel.None }, 'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None } },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: join(root, 'api', 'api-extractor.json'),
    packageJsonFullPath: join(root, 'package.json'),
  });
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback: (m) => { if (m.logLevel === ExtractorLogLevel.Warning) m.handled = true; },
  });
  if (result.apiReportChanged) changed.push(`api/${entry.name}.api.md`);
  if (!result.succeeded && !result.apiReportChanged) {
    console.error(`api-extractor failed for ${entry.name}: ${result.errorCount} error(s)`);
    process.exitCode = 1;
  }
}
if (changed.length && !update) {
  console.error(`The public API changed: ${changed.join(', ')}.\nReview the difference (lib/.api-tmp holds the new reports), then run \`npm run api:update\` and commit api/.`);
  process.exitCode = 1;
} else {
  console.log(update ? `API reports written: ${entries.length} entry points${changed.length ? `, changed: ${changed.join(', ')}` : ''}` : `API reports match: ${entries.length} entry points`);
}
