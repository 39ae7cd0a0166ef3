// One platform repository and a repository per service, read together: `goldenpath catalog`
// and `goldenpath portal` take every cdktf.out, references resolve across them, and a
// service repository alone says where the rest of its catalog and portal are.
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { buildCatalog } from '../../src/catalog/model';
import { readCdktfOut } from '../../src/core/cdktf-out';
import { generateProject } from '../../src/scaffold/generate';
import { resolveValues } from '../../src/scaffold/values';
import { acmeOut } from '../acme-out';
import { runCli } from '../cli/run-cli';
import { serviceRepositoryOut } from '../generated-project';

const TODAY = '2026-11-26';
const tmp = () => mkdtempSync(join(tmpdir(), 'gp-across-'));

describe('catalog and portal across repositories', () => {
  const platform = acmeOut();
  // a repository `goldenpath new service invoices --team search` made, synthesized on its own
  const service = serviceRepositoryOut({ name: 'invoices', team: 'search', environments: ['dev', 'prod'] });

  test('a service repository alone: its team is the platform\'s, so the reference does not resolve, unless --partial', async () => {
    const alone = await runCli('catalog', service, '--format', 'json', '--today', TODAY);
    expect(alone.code).toBe(1);
    expect(alone.err).toContain('component:default/invoices spec.owner refers to group:default/search, which is not in the catalog');
    const partial = await runCli('catalog', service, '--partial', '--format', 'json', '--today', TODAY);
    expect(partial.code).toBe(0);
    const invoices = JSON.parse(partial.out).find((e: any) => e.kind === 'Component');
    expect(invoices.spec).toMatchObject({ owner: 'group:search', lifecycle: 'experimental' });
  });

  test('the repository\'s catalog-info.yaml says what the synthesized entity says: one name, owner, system, type and lifecycle', () => {
    const written = parse(generateProject(resolveValues({ kind: 'service', name: 'invoices', team: 'search', environments: ['dev', 'prod'] }, '1.2.3')).get('catalog-info.yaml')!);
    const synthesized = buildCatalog(readCdktfOut(service)).records.find((r) => r.entity.kind === 'Component')!.entity;
    const fields = (e: any) => ({ name: e.metadata.name, owner: e.spec.owner, system: e.spec.system, type: e.spec.type, lifecycle: e.spec.lifecycle });
    // prod is among the environments, and the entity is still experimental: main.ts says so
    expect(fields(written)).toEqual(fields(synthesized));
  });

  test('the same stack in two folders is an error naming both', async () => {
    // the same service folder twice is two stacks of one name: an error naming both folders
    const twice = await runCli('catalog', service, service, '--partial', '--today', TODAY);
    expect(twice.code).toBe(2);
    expect(twice.err).toBe(`goldenpath: stack invoices-dev is in both ${service} and ${service}; stack names must be unique across the folders read together\n`);
  });

  test('the platform\'s catalog over both folders: every reference resolves and the service is its team\'s', async () => {
    const out = tmp();
    const r = await runCli('catalog', platform, service, '--out', out, '--format', 'json', '--today', TODAY);
    expect([r.code, r.err]).toEqual([0, '']);
    const doc = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8'));
    const entities: any[] = doc;
    const invoices = entities.find((e) => e.kind === 'Component' && e.metadata.name === 'invoices');
    expect(invoices.spec).toMatchObject({ owner: 'group:search', system: 'search' });
    expect(entities.filter((e) => ['Group', 'System'].includes(e.kind)).map((e) => `${e.kind}:${e.metadata.name}`)).toEqual(expect.arrayContaining(['Group:search', 'System:search']));
    expect(entities.some((e) => e.kind === 'Component' && e.metadata.name === 'ledger')).toBe(true);
  });

  test('the portal over both folders has the service\'s page linking to its team\'s page; alone, it links to the platform\'s portal', async () => {
    const both = tmp();
    expect((await runCli('portal', platform, service, '--out', both, '--today', TODAY)).code).toBe(0);
    const page = readFileSync(join(both, 'components/invoices.html'), 'utf8');
    expect(page).toContain('<a href="../teams/search.html">search</a>');
    expect(readFileSync(join(both, 'teams/search.html'), 'utf8')).toContain('invoices');

    const alone = tmp();
    expect((await runCli('portal', service, '--out', alone, '--today', TODAY, '--platform-portal', 'https://portal.acme.example/')).code).toBe(0);
    expect(readFileSync(join(alone, 'components/invoices.html'), 'utf8')).toContain('<a href="https://portal.acme.example/teams/search.html">search</a>');
    const unlinked = tmp();
    expect((await runCli('portal', service, '--out', unlinked, '--today', TODAY)).code).toBe(0);
    const text = readFileSync(join(unlinked, 'components/invoices.html'), 'utf8');
    expect(text).not.toContain('teams/search.html');
    expect(text).toContain("search <span>(its page is in the platform's portal)</span>");
  });
});
