// One measured run in a fresh process, on the compiled library (lib/), so no source-map
// support slows stack captures: `ours N OUT` synthesizes N services with goldenpath and
// writes the stack JSON to OUT; `floor FILE` synthesizes the same resources as plain
// TerraformResources. Prints {ms, resources}; only construction and synth are timed.
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { AwsProvider } = require('@cdktf/provider-aws/lib/provider');
const { KubernetesProvider } = require('@cdktf/provider-kubernetes/lib/provider');
const { Service } = require('../lib/constructs/service/service');
const { App, TerraformResource, TerraformStack } = require('../lib/src/cdk');
const { GoldenPathContext } = require('../lib/src/core/context');
const { ENVIRONMENT_PROFILES } = require('../lib/src/core/environment-profile');

const [mode, arg, out] = process.argv.slice(2);
const outdir = mkdtempSync(join(tmpdir(), 'gp-bench-svc-'));
const env = {
  name: 'prod', accountId: '111111111111', region: 'eu-west-1', profile: ENVIRONMENT_PROFILES.prod, namespace: 'bench',
  vpcId: 'vpc-1', vpcCidr: '10.10.0.0/16', isolatedSubnetIds: ['subnet-a', 'subnet-b'],
  dataKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/data', secretsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/secrets',
  oidcProviderArn: 'arn:aws:iam::111111111111:oidc-provider/oidc.example/id/X', oidcIssuer: 'oidc.example/id/X',
  clusterName: 'bench', logsKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/logs',
};

const start = process.hrtime.bigint();
const app = new App({ outdir });
const stack = new TerraformStack(app, 'bench');
new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
new KubernetesProvider(stack, 'kubernetes', {});
if (mode === 'ours') {
  GoldenPathContext.set(stack, { org: 'acme', team: 'bench', environment: 'prod' });
  for (let i = 0; i < Number(arg); i++) {
    new Service(stack, `svc${i}`, { environment: env, image: 'registry.example.com/app:1.0.0', dependencies: { jobs: { type: 'queue' } }, tracing: false });
  }
} else {
  // the floor: the identical resource JSON, written by cdktf from plain TerraformResources
  const json = JSON.parse(readFileSync(arg, 'utf8'));
  for (const [type, byName] of Object.entries(json.resource)) {
    for (const [name, config] of Object.entries(byName)) {
      const r = new TerraformResource(stack, name, { terraformResourceType: type, terraformGeneratorMetadata: { providerName: type.split('_')[0] } });
      for (const [k, v] of Object.entries(config)) r.addOverride(k, v);
    }
  }
}
app.synth();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const synthesized = JSON.parse(readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
let resources = 0;
for (const byName of Object.values(synthesized.resource)) resources += Object.keys(byName).length;
if (mode === 'ours' && out) writeFileSync(out, JSON.stringify(synthesized));
rmSync(outdir, { recursive: true, force: true });
console.log(JSON.stringify({ ms, resources }));
