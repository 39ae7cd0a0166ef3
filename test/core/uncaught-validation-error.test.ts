import { spawnSync } from 'child_process';
import { join } from 'path';

// An app that lets a PlatformValidationError escape prints it as one line and exits 1 (cdktf
// synth shows the app's output as it is); any other uncaught error keeps Node's own report.
const root = join(__dirname, '../..');

function runApp(code: string) {
  const env = { ...process.env };
  delete env.JEST_WORKER_ID; // the handler stands aside under jest
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', code], { cwd: root, env, encoding: 'utf8' });
}

describe('an uncaught PlatformValidationError', () => {
  test('is one line on stderr, with exit code 1', () => {
    const r = runApp(`
      const { App, TerraformStack } = require('./src/cdk');
      const { SecureBucket } = require('./constructs/baseline/secure-bucket');
      const app = new App({ outdir: require('os').tmpdir() + '/gp-uncaught' });
      new SecureBucket(new TerraformStack(app, 's'), 'b', { bucketName: 'Bad_Name', kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k' });
      app.synth();`);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('PlatformValidationError: s/b: `bucketName` must be lowercase letters, digits and hyphens, starting and ending with a letter or digit (s3Bucket name), got "Bad_Name"\n');
  });

  test('other uncaught errors keep Node\'s report, even after a validation error was made and caught', () => {
    const r = runApp(`
      const { PlatformValidationError } = require('./src/core/errors');
      try { throw new PlatformValidationError('s/x', 'p', 1, 'must be 2'); } catch {}
      throw new Error('a bug');`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Error: a bug\n\s+at /);
  });
});
