// What the example org's resources are at a release: every address and the values of the
// attributes that would force a replacement. `npm run snapshot:update` writes it at release
// time; test/release/replacements.test.ts reports every address a change would replace.
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { buildAcme } from '../examples/acme/main';
import { App } from '../src/cdk';
import { readCdktfOut } from '../src/core/cdktf-out';
import { resourceIdentities } from '../src/plan/force-new';

export const SNAPSHOT = resolve(__dirname, '..', 'api', 'example-resources.json');

/** The example org's resource identities, synthesized afresh. */
export function exampleIdentities(): ReturnType<typeof resourceIdentities> {
  const outdir = mkdtempSync(join(tmpdir(), 'goldenpath-snapshot-'));
  const app = new App({ outdir });
  buildAcme(app);
  app.synth();
  return resourceIdentities(readCdktfOut(outdir));
}

if (require.main === module) {
  const identities = exampleIdentities();
  writeFileSync(SNAPSHOT, `${JSON.stringify(identities, null, 1)}\n`);
  console.log(`${SNAPSHOT}: ${Object.keys(identities).length} resources`);
}
