import { Construct } from 'constructs';
import { AlertRouting } from '../../constructs/observability/alert-routing';
import { Service } from '../../constructs/service/service';
import { TerraformStack, Testing } from '../../src/cdk';
import { GoldenPathContext } from '../../src/core/context';
import { GoldenPathPlugin } from '../../src/plugins/contract';
import { orderPlugins, Plugins } from '../../src/plugins/registry';
import { serviceEnv } from '../constructs/service/fixtures';
import { contextStack, ofType, synthJson } from '../helpers';

const plugin = (name: string, dependsOn: string[] = [], extra: Partial<GoldenPathPlugin> = {}): GoldenPathPlugin => ({ name, version: '1.0.0', dependsOn, ...extra });
const IMAGE = 'registry.example.com/ledger:1.0.0';

describe('plugin order', () => {
  test('after their dependencies; otherwise by name, whatever the registration order', () => {
    const list = [plugin('zeta'), plugin('alpha', ['mid']), plugin('mid'), plugin('beta')];
    expect(orderPlugins(list).map((p) => p.name)).toEqual(['beta', 'mid', 'alpha', 'zeta']);
    expect(orderPlugins([...list].reverse()).map((p) => p.name)).toEqual(['beta', 'mid', 'alpha', 'zeta']);
  });

  test('a missing dependency names both plugins', () => {
    expect(() => orderPlugins([plugin('cost', ['tags'])])).toThrow('plugin cost@1.0.0 depends on "tags", which is not registered');
  });

  test('a cycle is printed as a path', () => {
    expect(() => orderPlugins([plugin('a', ['b']), plugin('b', ['c']), plugin('c', ['a']), plugin('d')])).toThrow('plugins depend on each other in a cycle: a → b → c → a');
  });
});

describe('Plugins.register', () => {
  test('a duplicate registration names both, with where they were registered', () => {
    const { app, stack } = contextStack();
    Plugins.register(app, plugin('cost'));
    expect(() => Plugins.register(stack, { ...plugin('cost'), version: '2.0.0' })).toThrow('plugin cost is registered twice: cost@1.0.0 on (app) and cost@2.0.0 on test');
    expect(() => Plugins.register(stack, plugin('x'), plugin('x'))).toThrow('plugin x is registered twice: x@1.0.0 on test and x@1.0.0 on test');
  });

  test('a missing dependency or a cycle fails at registration, not at synth', () => {
    const { stack } = contextStack();
    expect(() => Plugins.register(stack, plugin('pagerduty', ['cost']))).toThrow('plugin pagerduty@1.0.0 depends on "cost", which is not registered');
    expect(() => Plugins.register(stack, plugin('a', ['b']), plugin('b', ['a']))).toThrow(/cycle: a → b → a/);
  });

  test('a plugin needs a name and a semver version', () => {
    const { stack } = contextStack();
    expect(() => Plugins.register(stack, { name: 'Bad Name', version: '1.0.0' })).toThrow('test: plugin name must be a package-style name, got "Bad Name"');
    expect(() => Plugins.register(stack, { name: 'ok', version: 'one' })).toThrow('test: plugin ok needs a semver version, got "one"');
  });

  test('registering after golden paths were built under the scope is refused', () => {
    const { stack } = contextStack();
    new Service(stack, 'ledger', { environment: serviceEnv(), image: IMAGE });
    expect(() => Plugins.register(stack, plugin('late'))).toThrow(/plugins late@1\.0\.0 are registered on test after test\/ledger was built; register plugins first/);
  });

  test('plugins on an app reach every stack under it, also ones made later', () => {
    const app = Testing.app();
    Plugins.register(app, plugin('tagger', [], { tags: () => ({ 'acme:tagged': 'yes' }) }));
    const stack = new TerraformStack(app, 'later');
    GoldenPathContext.set(stack, { org: 'acme', team: 'payments', service: 'ledger', environment: 'prod' });
    new Service(stack, 'ledger', { environment: serviceEnv(), image: IMAGE });
    const json = synthJson(stack);
    expect(ofType(json, 'aws_iam_role')[0].tags).toMatchObject({ 'acme:tagged': 'yes' });
  });
});

describe('construct hooks', () => {
  const sidecarPlugin = plugin('mesh', [], {
    service: (s) => {
      s.addVariable('MESH_NAMESPACE', s.namespace);
      s.addSidecar({ name: 'proxy', image: 'registry.example.com/proxy:2.1.0' });
      s.addAnnotation('mesh.acme.example/inject', 'false');
    },
  });

  test('a service hook adds a variable, a restricted sidecar and an annotation, and each change is recorded', () => {
    const { stack } = contextStack();
    Plugins.register(stack, sidecarPlugin);
    new Service(stack, 'ledger', { environment: serviceEnv(), image: IMAGE });
    const json = synthJson(stack);
    const [deployment] = ofType(json, 'kubernetes_deployment_v1');
    const [main, proxy] = deployment.spec.template.spec.container;
    expect(main.env).toContainEqual({ name: 'MESH_NAMESPACE', value: 'payments' });
    expect(proxy).toMatchObject({ name: 'proxy', image: 'registry.example.com/proxy:2.1.0', security_context: { allow_privilege_escalation: false, run_as_non_root: true, capabilities: { drop: ['ALL'] } } });
    expect(deployment.metadata.annotations).toEqual({ 'mesh.acme.example/inject': 'false' });
    expect(json['//'].goldenpath.plugins).toEqual([{ plugin: 'mesh@1.0.0', changes: ['test/ledger: annotation mesh.acme.example/inject', 'test/ledger: sidecar proxy', 'test/ledger: variable MESH_NAMESPACE'] }]);
  });

  test('a plugin variable that collides names the plugin and the service\'s own', () => {
    const { stack } = contextStack();
    Plugins.register(stack, plugin('env', [], { service: (s) => s.addVariable('DB_HOST', 'x') }));
    expect(() => new Service(stack, 'ledger', { environment: serviceEnv(), image: IMAGE, dependencies: { db: { type: 'postgres' } } }))
      .toThrow('test/ledger: `plugin env@1.0.0 variable DB_HOST` collides with the DB_HOST the service already has (dependency db), got "x"');
  });

  test('a sidecar image must be pinned, like the service\'s', () => {
    const { stack } = contextStack();
    Plugins.register(stack, plugin('bad', [], { service: (s) => s.addSidecar({ name: 'proxy', image: 'proxy:latest' }) }));
    expect(() => new Service(stack, 'ledger', { environment: serviceEnv(), image: IMAGE })).toThrow(/`plugin bad@1\.0\.0 sidecar proxy image` must be pinned by a version tag or a digest/);
  });

  test('hooks run in plugin order', () => {
    const seen: string[] = [];
    const { stack } = contextStack();
    Plugins.register(stack, plugin('b', ['a'], { service: () => seen.push('b') }), plugin('a', [], { service: () => seen.push('a') }));
    new Service(stack, 'ledger', { environment: serviceEnv(), image: IMAGE });
    expect(seen).toEqual(['a', 'b']);
  });

  test('an alert-routing hook subscribes an https endpoint with a secret kept in SSM', () => {
    const { stack } = contextStack();
    Plugins.register(stack, plugin('incidents', [], { alertRouting: (r) => r.subscribeHttps('page', `https://events.example.com/${r.secureParameter(`/incidents/${r.team}`)}`) }));
    new AlertRouting(stack, 'alerts', { accountId: '111111111111', team: 'payments' });
    const json = synthJson(stack);
    const sub = ofType(json, 'aws_sns_topic_subscription').find((s) => s.protocol === 'https');
    const [[id, parameter]] = Object.entries<any>(json.resource.aws_ssm_parameter);
    expect(sub.endpoint).toBe(`https://events.example.com/\${aws_ssm_parameter.${id}.value}`);
    // created, not read at plan time: the first plan cannot fail on a parameter nobody made
    expect(json.data?.aws_ssm_parameter).toBeUndefined();
    expect(parameter).toMatchObject({ name: '/incidents/payments', type: 'SecureString', value: 'unset', lifecycle: { ignore_changes: ['value'] } });
    expect(parameter.key_id).toMatch(/^\$\{aws_kms_key\./);
    // no subscription to a URL that holds the placeholder
    expect(sub.count).toBe(`\${nonsensitive(aws_ssm_parameter.${id}.value != "unset") ? 1 : 0}`);
  });

  test('catalog contributions: annotations and facts on entities, panels on components', () => {
    const { stack } = contextStack();
    Plugins.register(stack, plugin('catalog', [], {
      entityAnnotations: ({ kind }) => ({ 'acme.example/kind': kind.toLowerCase() }),
      entityFacts: () => ({ tier: 'one' }),
      portalPanels: ({ name }) => [{ title: 'Support', text: `Ask #${name}` }],
    }));
    new Service(stack, 'ledger', { environment: serviceEnv(), image: IMAGE });
    const facts = synthJson(stack)['//'].goldenpath.catalog;
    const component = facts.find((f: any) => f.kind === 'Component');
    expect(component.annotations['acme.example/kind']).toBe('component');
    expect(component.facts).toMatchObject({ tier: 'one', panels: [{ title: 'Support', text: 'Ask #ledger' }] });
  });

  test('a tag a plugin would change is refused; adding is fine', () => {
    const scope = new Construct(contextStack().stack, 'scope');
    GoldenPathContext.set(scope, { service: 'ledger' });
    Plugins.register(scope, plugin('retag', [], { tags: () => ({ 'goldenpath:team': 'someone-else' }) }));
    new Service(scope, 'ledger', { environment: serviceEnv(), image: IMAGE });
    expect(() => synthJson(TerraformStack.of(scope))).toThrow(/plugin retag@1\.0\.0 sets tag goldenpath:team=someone-else, but it is already/);
  });
});
