import { readFileSync } from 'fs';
import { join } from 'path';
import { serviceEnv } from './fixtures';
import { Service } from '../../../constructs/service/service';
import { contextStack, ofType, synthJson } from '../../helpers';

const example = readFileSync(join(__dirname, '../../../examples/acme/search-api.score.yaml'), 'utf8');
const minimal = (over: object = {}) => ({ apiVersion: 'score.dev/v1b1', metadata: { name: 'api' }, containers: { main: { image: 'registry.example.com/api:1.0.0' } }, ...over });

function fromScore(workload: unknown) {
  const { stack } = contextStack();
  const svc = Service.fromScore(stack, workload, { environment: serviceEnv({ namespace: 'search' }) });
  return { svc, json: synthJson(stack) };
}

describe('Service.fromScore', () => {
  test('maps the example workload: container, ports, probes, resources and variables with placeholders', () => {
    const { svc, json } = fromScore(example);
    expect(svc.serviceName).toBe('search-api');
    const [container] = ofType(json, 'kubernetes_deployment_v1')[0].spec.template.spec.container;
    expect(container.image).toBe('ghcr.io/acme/search-api:2.4.1');
    expect(container.port).toEqual([{ name: 'http', container_port: 8080 }]);
    expect(container.liveness_probe.http_get.path).toBe('/livez');
    expect(container.readiness_probe.http_get.path).toBe('/readyz');
    expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.value]));
    expect(env.CACHE_URL).toMatch(/^rediss:\/\/[a-z0-9-]+@\$\{aws_elasticache_replication_group\..*\.primary_endpoint_address\}:6379$/);
    expect(env.INDEX_BUCKET).toMatch(/aws_s3_bucket\..*\.bucket/);
    expect(env.SERVICE_NAME).toBe('search-api');
    expect(Object.keys(svc.dependencies)).toEqual(['cache', 'index']);
  });

  test('a minimal workload from an object gets the golden-path defaults', () => {
    const { json } = fromScore(minimal());
    expect(ofType(json, 'kubernetes_deployment_v1')[0].spec.template.spec.container[0].resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
  });

  describe('refuses what it cannot honour', () => {
    const cases: Array<[string, unknown, string | RegExp]> = [
      ['not Score at all', { apiVersion: 'v1', kind: 'Pod' }, /test: `score\.(metadata|containers|kind)` (is required|is not a Score field)/],
      ['not a mapping', '- a\n- b\n', 'test: `score` must be a score.dev/v1b1 workload: a mapping with apiVersion, metadata and containers, got ["a","b"]'],
      ['schema: image missing', minimal({ containers: { main: {} } }), 'test: `score.containers.main.image` is required by score.dev/v1b1, got nothing'],
      ['misspelt key names the key, its path and the fix', minimal({ containers: { main: { image: 'x:1.0', varaibles: { A: 'b' } } } }), /^test: `score\.containers\.main\.varaibles` is not a Score field here; did you mean `variables`\? \(allowed: [a-zA-Z, ]*variables[a-zA-Z, ]*\), got \{"A":"b"\}$/],
      ['misspelt top-level key', { ...minimal(), servce: { ports: {} } }, /`score\.servce` is not a Score field here; did you mean `service`\?/],
      ['wrong type names the path and value', minimal({ service: { ports: { web: { port: 'eighty' } } } }), /`score\.service\.ports\.web\.port` must be integer, got "eighty"/],
      ['unsupported resource type', minimal({ resources: { mq: { type: 'amqp' } } }), 'test: `score.resources.mq.type` must be one of the supported resource types: postgres, redis, s3, queue, got "amqp"'],
      ['dns', minimal({ resources: { web: { type: 'dns' } } }), /`score.resources.web.type` must be one of the supported resource types/],
      ['two containers', minimal({ containers: { app: { image: 'x:1' }, sidecar: { image: 'y:1' } } }), 'test: `score.containers` must hold exactly one container (sidecars are not offered by the service golden path), got ["app","sidecar"]'],
      ['files', minimal({ containers: { main: { image: 'x:1.0', files: [{ target: '/etc/x', content: 'y' }] } } }), /`score.containers.main.files` is not supported: containers run with a read-only root filesystem/],
      ['probe host', minimal({ containers: { main: { image: 'x:1.0', livenessProbe: { httpGet: { host: 'example.com', path: '/', port: 80 } } } } }), /`score.containers.main.livenessProbe.httpGet.host` is not allowed/],
      ['UDP port', minimal({ service: { ports: { dns: { port: 53, protocol: 'UDP' } } } }), 'test: `score.service.ports.dns.protocol` must be TCP, got "UDP"'],
      ['unknown param', minimal({ resources: { db: { type: 'postgres', params: { size: 'huge' } } } }), 'test: `score.resources.db.params.size` must be one of databaseName, engineVersion, instanceClass, allocatedStorage, got "huge"'],
      ['shared resource id', minimal({ resources: { db: { type: 'postgres', id: 'shared-db' } } }), /`score.resources.db.id` is not supported/],
      ['unpinned image', minimal({ containers: { main: { image: 'nginx' } } }), /test\/api: `image` must be pinned by a tag or a digest/],
      ['placeholder to an undeclared resource', minimal({ containers: { main: { image: 'x:1.0', variables: { X: '${resources.db.host}' } } } }), /test\/api: `variables.X` refers to db/],
      ['bad YAML names line and column', 'apiVersion: score.dev/v1b1\nmetadata:\n  name: api\ncontainers: [unclosed\n', /^test: `score` must be YAML or JSON: .+ at line 5, column 1, got "\(end of input\)"$/],
      ['bad YAML shows the offending line', 'apiVersion: score.dev/v1b1\nmetadata:\n  name: "api\n  bad: : x\n', /at line \d+, column \d+, got "/],
      ['duplicate YAML key', 'apiVersion: score.dev/v1b1\nmetadata:\n  name: api\n  name: other\ncontainers: {}\n', /`score` must be YAML or JSON: Map keys must be unique at line 4, column 3, got "name: other"/],
    ];
    test.each(cases)('%s', (_n, workload, message) => {
      expect(() => fromScore(workload)).toThrow(message);
    });
  });
});
