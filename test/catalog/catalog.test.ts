import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  apiEntityV1alpha1Validator, componentEntityV1alpha1Validator, domainEntityV1alpha1Validator, Entity, EntityPolicies, DefaultNamespaceEntityPolicy,
  FieldFormatEntityPolicy, groupEntityV1alpha1Validator, locationEntityV1alpha1Validator, NoForeignRootFieldsEntityPolicy, resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy, systemEntityV1alpha1Validator, userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { parseAllDocuments } from 'yaml';
import { Service } from '../../constructs/service/service';
import { buildCatalog } from '../../src/catalog/model';
import { SCORECARD_CHECKS, scoreCatalog } from '../../src/catalog/scorecards';
import { catalogFiles } from '../../src/catalog/write';
import { App, TerraformStack } from '../../src/cdk';
import { readCdktfOut } from '../../src/core/cdktf-out';
import { GoldenPathContext } from '../../src/core/context';
import { ENVIRONMENT_PROFILES } from '../../src/core/environment-profile';
import { Suppressions } from '../../src/policy/suppressions';
import { acmeOut } from '../acme-out';
import { runCli } from '../cli/run-cli';
import { serviceEnv } from '../constructs/service/fixtures';
import { fileTree } from '../helpers';

const TODAY = '2026-11-26';

const policies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const kindValidators = [componentEntityV1alpha1Validator, apiEntityV1alpha1Validator, resourceEntityV1alpha1Validator, systemEntityV1alpha1Validator,
  domainEntityV1alpha1Validator, groupEntityV1alpha1Validator, userEntityV1alpha1Validator, locationEntityV1alpha1Validator];

/** Backstage's own validation: the default entity policies, then the validator of the entity's kind. */
async function backstageValidate(entity: Entity): Promise<void> {
  const checked = await policies.enforce(structuredClone(entity));
  if (!checked) throw new Error(`${entity.kind}:${entity.metadata.name} rejected by the entity policies`);
  const results = await Promise.all(kindValidators.map((v) => v.check(entity)));
  if (!results.some(Boolean)) throw new Error(`${entity.kind}:${entity.metadata.name}: no kind validator accepts it`);
}

describe('catalog of the example org', () => {
  const out = acmeOut();
  const model = buildCatalog(readCdktfOut(out));
  const cards = scoreCatalog(model, { today: TODAY });
  const entities = model.records.map((r) => r.entity);
  const byRef = new Map(model.records.map((r) => [r.ref, r.entity]));

  test('every relation resolves', () => {
    expect(model.problems).toEqual([]);
  });

  test('every entity passes Backstage\'s entity policies and the validator of its kind', async () => {
    for (const e of entities) await backstageValidate(e as unknown as Entity);
    const files = catalogFiles(model);
    for (const [file, text] of files) {
      for (const doc of parseAllDocuments(text)) {
        expect({ file, errors: doc.errors }).toEqual({ file, errors: [] });
        await backstageValidate(doc.toJS() as Entity);
      }
    }
  });

  test('the organisation: a Domain, a System and a Group per team, a User per member', () => {
    const kinds = (kind: string) => entities.filter((e) => e.kind === kind).map((e) => e.metadata.name);
    expect(kinds('Domain')).toEqual(['acme']);
    expect(kinds('System')).toEqual(['payments', 'platform', 'search']);
    expect(kinds('Group')).toEqual(['payments', 'platform', 'search']);
    expect(kinds('User')).toEqual(['ana-at-acme.example', 'li-at-acme.example', 'raj-at-acme.example']);
    expect(byRef.get('user:default/ana-at-acme.example')!.spec).toEqual({ memberOf: ['group:payments'], profile: { email: 'ana@acme.example' } });
    const payments = byRef.get('group:default/payments')!;
    expect(payments.metadata.annotations).toMatchObject({ 'goldenpath.dev/cost-centre': 'cc-1001', 'goldenpath.dev/on-call': 'payments-oncall@acme.example' });
    expect(payments.metadata.links).toEqual([{ url: 'mailto:payments-oncall@acme.example', title: 'On-call', type: 'on-call' }]);
  });

  test('a service is one Component across environments, with its data stores, APIs, repository and Kubernetes ids', () => {
    const ledger = byRef.get('component:default/ledger')!;
    expect(ledger.spec).toEqual({
      type: 'service',
      lifecycle: 'production',
      owner: 'group:payments',
      system: 'payments',
      dependsOn: ['resource:payments-ledger-db-dev', 'resource:payments-ledger-db-prod', 'resource:payments-ledger-events-dev', 'resource:payments-ledger-events-prod'],
      providesApis: ['api:ledger-api'],
    });
    expect(ledger.metadata.annotations).toMatchObject({
      'backstage.io/kubernetes-id': 'ledger',
      'backstage.io/kubernetes-namespace': 'payments',
      'github.com/project-slug': 'acme/payments',
      'backstage.io/source-location': 'url:https://github.com/acme/payments/tree/main/',
      'backstage.io/techdocs-ref': 'url:https://github.com/acme/payments/tree/main',
      'goldenpath.dev/guardrails': 'pass',
      'goldenpath.dev/construct-path': 'acme-dev-payments/ledger, acme-prod-payments/ledger',
    });
    expect(ledger.metadata.links!.map((l) => l.type).sort()).toEqual(['dashboard', 'dashboard', 'on-call', 'repository', 'runbook', 'traces', 'traces', 'workflow']);
    expect(ledger.metadata.annotations!['goldenpath.dev/slos']).toBe('ledger-availability 99.9% over 30d');
    expect(byRef.get('component:default/search-api')!.spec.consumesApis).toEqual(['api:ledger-api']);
    const api = byRef.get('api:default/ledger-api')!;
    expect(api.spec).toMatchObject({ type: 'openapi', lifecycle: 'production', owner: 'group:payments', system: 'payments' });
    expect(api.spec.definition).toContain('openapi: 3.1.0');
    expect(api.metadata.description).toBe('Double-entry ledger of the payments team.');
  });

  test('resources for data stores, networks, clusters and environments carry account, region and stack', () => {
    const types = entities.filter((e) => e.kind === 'Resource').map((e) => `${e.metadata.name}:${e.spec.type}`);
    expect(types).toEqual(expect.arrayContaining(['dev:environment', 'prod-network:network', 'prod-cluster:kubernetes-cluster', 'payments-ledger-db-prod:postgres',
      'payments-ledger-events-prod:sqs-queue', 'search-search-api-cache-prod:valkey', 'search-search-api-index-prod:s3-bucket']));
    const db = byRef.get('resource:default/payments-ledger-db-prod')!;
    expect(db.metadata.annotations).toMatchObject({ 'goldenpath.dev/aws-account-id': '222222222222', 'goldenpath.dev/aws-region': 'eu-west-1', 'goldenpath.dev/stack': 'acme-prod-payments' });
    expect(byRef.get('resource:default/prod')!.spec).toMatchObject({ type: 'environment', owner: 'group:platform', dependsOn: ['resource:prod-cluster', 'resource:prod-network'] });
  });

  test('scorecards: levels are cumulative; each names what lifts it a level; written into the entity', () => {
    const ledger = cards.find((c) => c.name === 'ledger')!;
    const search = cards.find((c) => c.name === 'search-api')!;
    expect([ledger.level, search.level]).toEqual(['gold', 'silver']);
    expect(search.nextLevel.map((r) => r.id)).toEqual(['SC-RUNBOOK', 'SC-DOCS']);
    expect(byRef.get('component:default/search-api')!.metadata.annotations).toMatchObject({ 'goldenpath.dev/scorecard-level': 'silver', 'goldenpath.dev/scorecard-failing': 'SC-DOCS,SC-RUNBOOK' });
    expect(new Set(SCORECARD_CHECKS.map((c) => c.level))).toEqual(new Set(['bronze', 'silver', 'gold']));
  });

  test('the output is byte-identical across two runs', async () => {
    const a = mkdtempSync(join(tmpdir(), 'gp-cat-a-'));
    const b = mkdtempSync(join(tmpdir(), 'gp-cat-b-'));
    expect((await runCli('catalog', out, '--out', a, '--today', TODAY)).code).toBe(0);
    expect((await runCli('catalog', acmeOut(), '--out', b, '--today', TODAY)).code).toBe(0);
    const [ta, tb] = [fileTree(a), fileTree(b)];
    expect(Object.keys(ta)).toEqual(['catalog-info.yaml', 'org/catalog-info.yaml', 'systems/payments/catalog-info.yaml', 'systems/platform/catalog-info.yaml', 'systems/search/catalog-info.yaml']);
    expect(ta).toEqual(tb);
    expect(Object.values(ta).join('')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:|\/tmp\//);
  });

  test('--format json writes the same entities as one document; --scorecards prints a table per team', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-cat-json-'));
    expect((await runCli('catalog', out, '--out', dir, '--format', 'json', '--today', TODAY)).code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    expect(doc.map((e: any) => `${e.kind}:${e.metadata.name}`)).toEqual(entities.map((e) => `${e.kind}:${e.metadata.name}`));
    const r = await runCli('catalog', out, '--scorecards', '--today', TODAY);
    expect(r.out).toMatch(/^payments\n  component\s+level\s+to reach the next level\n  ledger\s+gold\s+\(top level\)/m);
    expect(r.out).toMatch(/search-api\s+silver\s+SC-RUNBOOK: Give the Service `runbookUrl`\./);
  });

  test('with --portal-url, each component links to its scorecard in the portal', async () => {
    const r = await runCli('catalog', out, '--format', 'json', '--today', TODAY, '--portal-url', 'https://portal.acme.example/');
    const search = JSON.parse(r.out).find((e: any) => e.metadata.name === 'search-api');
    expect(search.metadata.links).toContainEqual({ url: 'https://portal.acme.example/components/search-api.html#scorecard', title: 'Scorecard: silver (2 to fix)', type: 'scorecard' });
  });
});

describe('catalog problems', () => {
  /** A team stack outside any Platform: its owner group exists nowhere. */
  function orphan(configure?: (stack: TerraformStack) => void, profile = ENVIRONMENT_PROFILES.prod): string {
    const outdir = mkdtempSync(join(tmpdir(), 'gp-orphan-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'finance-prod');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new KubernetesProvider(stack, 'kubernetes', {});
    GoldenPathContext.set(stack, { org: 'acme', team: 'finance', environment: 'prod' });
    new Service(stack, 'invoices', { environment: serviceEnv({ namespace: 'finance', profile }), image: 'registry.example.com/invoices:1.0.0', description: 'Invoices', consumesApis: ['billing-api'] });
    configure?.(stack);
    app.synth();
    return outdir;
  }

  test('a dangling owner, system or API fails with exit 1, naming the reference and the construct that made it', async () => {
    const r = await runCli('catalog', orphan(), '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('component:default/invoices spec.owner refers to group:default/finance, which is not in the catalog — made by finance-prod/invoices (stack finance-prod)');
    expect(r.err).toContain('component:default/invoices spec.consumesApis refers to api:default/billing-api, which is not in the catalog');
    expect(r.err).toContain('spec.system refers to system:default/finance');
  });

  test('nothing is written when a reference dangles', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'gp-orphan-out-')), 'catalog');
    expect((await runCli('catalog', orphan(), '--out', dir, '--today', TODAY)).code).toBe(1);
    expect(() => readdirSync(dir)).toThrow();
  });

  test('a suppression that expires within 30 days costs gold; "unknown" is not a pass', () => {
    const out = orphan((stack) => {
      const svc = stack.node.findChild('invoices');
      // the dev profile keeps logs 30 days, which GP-LOG-003 flags: suppressed here until December
      Suppressions.add(svc, { ruleId: 'GP-LOG-003', reason: 'short retention while we migrate', expires: '2026-12-10' });
    }, ENVIRONMENT_PROFILES.dev);
    const model = buildCatalog(readCdktfOut(out), { now: new Date(`${TODAY}T00:00:00Z`) });
    const [card] = scoreCatalog(model, { today: TODAY });
    const status = (id: string) => card.results.find((r) => r.id === id)!.status;
    expect(status('SC-NO-EXPIRING-SUPPRESSION')).toBe('fail');
    expect(status('SC-OWNER')).toBe('fail');
    expect(status('SC-ON-CALL')).toBe('unknown');
    expect(card.level).toBe('none');
    const later = scoreCatalog(buildCatalog(readCdktfOut(out)), { today: '2026-10-01' })[0];
    expect(later.results.find((r) => r.id === 'SC-NO-EXPIRING-SUPPRESSION')!.status).toBe('pass');
  });

  test('bad input: a bad date or a catalog fact of the wrong shape is one line and exit 2', async () => {
    const out = orphan();
    const bad = await runCli('catalog', out, '--today', '26/11/2026');
    expect([bad.code, bad.err]).toEqual([2, 'goldenpath: --today must be a date as YYYY-MM-DD, got "26/11/2026"\n']);
    const missing = await runCli('catalog', join(out, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.err.split('\n')).toHaveLength(2);
  });
});
