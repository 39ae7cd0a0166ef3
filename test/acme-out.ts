import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildAcme } from '../examples/acme/main';
import { App } from '../src/cdk';

/** Synthesize the example org into a fresh cdktf.out directory. */
export function acmeOut(prefix = 'gp-acme-'): string {
  const outdir = mkdtempSync(join(tmpdir(), prefix));
  const app = new App({ outdir });
  buildAcme(app);
  app.synth();
  return outdir;
}
