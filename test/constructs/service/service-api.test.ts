import { serviceEnv } from './fixtures';
import { Service } from '../../../constructs/service/service';
import { ServiceApi } from '../../../constructs/service/service-api';
import { contextStack, synthJson } from '../../helpers';

const OPENAPI = 'openapi: 3.1.0\ninfo: { title: Ledger, version: "1", description: Balances }\npaths: {}\n';
function withApis(providesApis: ServiceApi[], consumesApis?: string[]) {
  const { stack } = contextStack();
  new Service(stack, 'ledger', { environment: serviceEnv(), image: 'registry.example.com/ledger:1.0.0', providesApis, consumesApis });
  return synthJson(stack)['//'].goldenpath.catalog as any[];
}

describe('Service APIs in the catalog facts', () => {
  test('an embedded OpenAPI document becomes an API entity the Component provides', () => {
    const facts = withApis([{ name: 'ledger-api', definition: OPENAPI }], ['rates-api']);
    const api = facts.find((f) => f.kind === 'API');
    expect(api).toMatchObject({ name: 'ledger-api', description: 'Balances', spec: { type: 'openapi', lifecycle: 'production', owner: 'group:platform', definition: OPENAPI }, path: 'test/ledger' });
    const component = facts.find((f) => f.kind === 'Component');
    expect(component.spec).toMatchObject({ providesApis: ['api:ledger-api'], consumesApis: ['api:rates-api'] });
  });

  test('a URL is referenced, $openapi for OpenAPI and $text otherwise', () => {
    const facts = withApis([{ name: 'a', definitionUrl: 'https://example.com/a.yaml', type: 'openapi' }, { name: 'b', definitionUrl: 'https://example.com/b.graphql', type: 'graphql' }]);
    expect(facts.filter((f) => f.kind === 'API').map((f) => f.spec.definition)).toEqual([{ $openapi: 'https://example.com/a.yaml' }, { $text: 'https://example.com/b.graphql' }]);
  });

  test.each<[string, ServiceApi, string | RegExp]>([
    ['a bad name', { name: 'ledger api', definition: OPENAPI }, 'test/ledger: `providesApis[0].name` must be 1–63 letters and digits joined by -, _ or . (a catalog entity name), got "ledger api"'],
    ['both a document and a URL', { name: 'x', definition: OPENAPI, definitionUrl: 'https://e.com/x' }, /`providesApis\[0\]` must give exactly one of `definition`/],
    ['broken YAML, with line and column', { name: 'x', definition: 'openapi: 3.1.0\ninfo: [\n' }, /`providesApis\[0\]\.definition` must be a YAML or JSON document: .* at line \d+, column \d+/],
    ['neither OpenAPI nor AsyncAPI', { name: 'x', definition: 'title: hello\n' }, /must be an OpenAPI \(`openapi:`\) or AsyncAPI \(`asyncapi:`\) document, or give `type`/],
    ['a URL without a type', { name: 'x', definitionUrl: 'https://e.com/x' }, /`providesApis\[0\]\.type` must be given with definitionUrl/],
    ['a type that contradicts the document', { name: 'x', definition: OPENAPI, type: 'asyncapi' }, /`providesApis\[0\]\.type` must match the document, which is openapi, got "asyncapi"/],
    ['a plain-http URL', { name: 'x', definitionUrl: 'http://e.com/x', type: 'openapi' }, /`providesApis\[0\]\.definitionUrl` must be an https:\/\/ URL/],
  ])('refuses %s', (_what, api, message) => {
    expect(() => withApis([api])).toThrow(message);
  });

  test('a consumed API must be an entity name', () => {
    expect(() => withApis([], ['billing api'])).toThrow('test/ledger: `consumesApis[0]` must be the name of a catalog API entity, got "billing api"');
  });
});
