import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { median, verdict } from './measure';
import { SecureBucket } from '../constructs/baseline/secure-bucket';
import { App, TerraformStack } from '../src/cdk';
import { runCheck } from '../src/cli/check';
import { GoldenPathContext } from '../src/core/context';

/** A real cdktf.out: 4 stacks of secure buckets (8 resources each) and security groups. */
function generate(resources: number): { dir: string; count: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gp-bench-check-'));
  const app = new App({ outdir: dir });
  let count = 0;
  for (let s = 0; s < 4; s++) {
    const stack = new TerraformStack(app, `bench-${s}`);
    GoldenPathContext.set(stack, { org: 'acme', team: 'bench', service: 'bench', environment: 'dev' });
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    for (let i = 0; count < ((s + 1) * resources) / 4; i++) {
      new SecureBucket(stack, `b${i}`, { bucketName: `bench-${s}-${i}`, kmsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k' });
      new SecurityGroup(stack, `sg${i}`, { name: `sg-${s}-${i}`, ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['10.0.0.0/8'], description: 'https' }] });
      count += 9;
    }
  }
  app.synth();
  return { dir, count };
}

function parseOnly(dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const entry of Object.values<any>(manifest.stacks)) JSON.parse(readFileSync(join(dir, entry.synthesizedStackPath), 'utf8'));
}

async function time(fn: () => void | Promise<void>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function benchCheck(resources = 10_000, runs = 5): Promise<boolean> {
  const { dir, count } = generate(resources);
  try {
    const checks: number[] = [];
    const parses: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      parses.push(await time(() => parseOnly(dir)));
      checks.push(await time(async () => {
        findings = (await runCheck(dir, { format: 'json', failOn: 'never' })).report.findings.length;
      }));
    }
    const check = median(checks);
    const parse = median(parses);
    const ratio = check / parse;
    console.log(`check: ${count} resources, ${findings} findings | goldenpath check ${check.toFixed(0)} ms | JSON.parse of the same files ${parse.toFixed(0)} ms | median of ${runs}`);
    console.log(`  check time ${check.toFixed(0)} ms (target <= 2000: ${verdict(check <= 2000)}); ratio to parsing ${ratio.toFixed(2)} (target <= 5: ${verdict(ratio <= 5)})`);
    return check <= 2000 && ratio <= 5;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
