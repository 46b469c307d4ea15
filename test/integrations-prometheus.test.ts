import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IntegrationError } from '../src/monitoring/integrations/integration.js';
import {
  type PrometheusConfig,
  type PrometheusSecrets,
  prometheusIntegration,
} from '../src/monitoring/integrations/prometheus/index.js';
import { prometheusResourceTypes } from '../src/monitoring/integrations/prometheus/resource-types.js';
import { ensurePrometheus, freePort, type PrometheusServer, startPrometheus } from './support/prometheus.js';

const { configSchema, secretsSchema } = prometheusIntegration;

function metricAttributes() {
  const type = prometheusResourceTypes.metric;
  if (!type) throw new Error('the prometheus kind declares a metric resource type');
  return type.attributes;
}

/** What the fake exporter serves; tests change it and wait for the next scrape. */
const values = new Map<string, number>([
  ['model_accuracy{model="credit-ranker"}', 0.91],
  ['model_accuracy{model="churn"}', 0.72],
  ['model_psi{model="credit-ranker"}', 0.31],
  ['model_latency_seconds{model="churn"}', Number.NaN],
]);

const VECTOR_REPLY = JSON.stringify({
  status: 'success',
  data: { resultType: 'vector', result: [{ metric: { model: 'm' }, value: [1700000000, '1'] }] },
});

/** /metrics in text exposition format, plus canned replies under /html and /auth for error paths. */
function exporterHandler(request: http.IncomingMessage, response: http.ServerResponse): void {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  if (path === '/metrics') {
    const lines = [...values].map(([series, value]) => `${series} ${Number.isNaN(value) ? 'NaN' : value}`);
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(`${lines.join('\n')}\n`);
  } else if (path === '/html/api/v1/query') {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
  } else if (path === '/auth/api/v1/query') {
    const allowed = request.headers.authorization === 'Bearer s3cret';
    response.writeHead(allowed ? 200 : 401, { 'content-type': 'application/json' });
    response.end(allowed ? VECTOR_REPLY : '');
  } else {
    response.writeHead(404).end('not found');
  }
}

let exporter: http.Server;
let exporterUrl: string;
let silent: http.Server;
let prometheus: PrometheusServer;

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function close(server: http.Server | undefined): Promise<void> {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
}

beforeAll(async () => {
  ensurePrometheus();
  exporter = http.createServer(exporterHandler);
  exporterUrl = `http://${await listen(exporter)}`;
  // Accepts connections and never answers them.
  silent = http.createServer(() => {});
  await listen(silent);
  prometheus = await startPrometheus({ scrapeTargets: [exporterUrl.slice('http://'.length)] });
});

afterAll(async () => {
  await prometheus?.stop();
  await Promise.all([close(exporter), close(silent)]);
});

function config(
  queries: Record<string, string>,
  overrides: Partial<PrometheusConfig> = {},
): PrometheusConfig {
  return configSchema.parse({
    baseUrl: prometheus.url,
    queries: Object.entries(queries).map(([name, expression]) => ({ name, expression })),
    ...overrides,
  });
}

async function collect(
  cfg: PrometheusConfig,
  secrets: PrometheusSecrets = {},
  signal = AbortSignal.timeout(20_000),
) {
  const resources = await prometheusIntegration.collect({
    config: cfg,
    secrets,
    db: undefined as never,
    now: new Date(),
    signal,
  });
  if (!resources) throw new Error('a pull integration returns resources');
  for (const resource of resources) metricAttributes().parse(resource.attributes);
  return resources;
}

function byId(resources: Awaited<ReturnType<typeof collect>>) {
  return Object.fromEntries(resources.map((r) => [r.externalId, r]));
}

describe('prometheus integration against a real Prometheus', () => {
  it('turns each series of each query into a metric resource, skipping NaN samples', async () => {
    const cfg = config({
      model_accuracy: 'model_accuracy',
      model_psi: 'max by (model) (model_psi)',
      latency: 'model_latency_seconds',
    });
    // The first scrape lands within a scrape interval or two of Prometheus starting.
    const resources = await vi.waitFor(
      async () => {
        const found = await collect(cfg);
        expect(found).toHaveLength(3);
        return found;
      },
      { timeout: 15_000, interval: 250 },
    );
    const instance = exporterUrl.slice('http://'.length);
    const ranker = byId(resources)[`model_accuracy{instance="${instance}",job="test",model="credit-ranker"}`];
    expect(ranker).toMatchObject({
      type: 'metric',
      name: 'model_accuracy (credit-ranker)',
      attributes: {
        query: 'model_accuracy',
        expression: 'model_accuracy',
        value: 0.91,
        labels: { instance, job: 'test', model: 'credit-ranker' },
        model: 'credit-ranker',
      },
    });
    const sampledAt = Date.parse(String(ranker?.attributes.sampledAt));
    expect(Math.abs(Date.now() - sampledAt)).toBeLessThan(60_000);
    expect(byId(resources)['model_psi{model="credit-ranker"}']?.attributes).toMatchObject({
      value: 0.31,
      labels: { model: 'credit-ranker' },
    });
    expect(resources.some((r) => r.attributes.query === 'latency')).toBe(false);
  });

  it('aggregates: a label-less vector and a scalar each become one resource; an empty result none', async () => {
    const resources = await collect(
      config({
        worst_accuracy: 'min(model_accuracy)',
        model_count: 'scalar(count(model_accuracy))',
        nothing: 'model_accuracy > 5',
      }),
    );
    expect(resources.map((r) => [r.externalId, r.name, r.attributes.value, r.attributes.labels])).toEqual([
      ['worst_accuracy', 'worst_accuracy', 0.72, {}],
      ['model_count', 'model_count', 2, {}],
    ]);
  });

  it('keeps __name__ when a query spans several metrics, so every series stays distinct', async () => {
    const resources = await collect(
      config({ quality: 'max by (__name__, model) ({__name__=~"model_(accuracy|psi)"})' }),
    );
    expect(resources.map((r) => r.externalId).sort()).toEqual([
      'quality{__name__="model_accuracy",model="churn"}',
      'quality{__name__="model_accuracy",model="credit-ranker"}',
      'quality{__name__="model_psi",model="credit-ranker"}',
    ]);
  });

  it('reports the new value once the exporter changes it', async () => {
    values.set('model_accuracy{model="churn"}', 0.65);
    const cfg = config({ churn: 'model_accuracy{model="churn"}' });
    await vi.waitFor(
      async () => expect((await collect(cfg)).map((r) => r.attributes.value)).toEqual([0.65]),
      { timeout: 10_000, interval: 250 },
    );
  });

  it('names the query and the problem when PromQL does not parse', async () => {
    const failure = collect(config({ model_accuracy: 'model_accuracy', broken: 'sum(model_accuracy' }));
    await expect(failure).rejects.toBeInstanceOf(IntegrationError);
    await expect(failure).rejects.toThrow(
      /^query "broken": Prometheus rejected the query \(bad_data\): .*parse error/,
    );
  });

  it('explains a range vector instead of storing it', async () => {
    await expect(collect(config({ window: 'model_accuracy[1m]' }))).rejects.toThrow(
      /query "window": returns a range vector; wrap it in a function such as last_over_time/,
    );
  });
});

describe('prometheus integration failures', () => {
  it('fails fast with the host when nothing listens', async () => {
    const host = `127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const failure = collect(config({ up: 'up' }, { baseUrl: `http://${host}` }));
    await expect(failure).rejects.toBeInstanceOf(IntegrationError);
    await expect(failure).rejects.toThrow(`could not reach Prometheus at ${host} (ECONNREFUSED)`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up after timeoutSeconds when the server never answers', async () => {
    const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const started = Date.now();
    const failure = collect(config({ up: 'up' }, { baseUrl: `http://${host}`, timeoutSeconds: 1 }));
    await expect(failure).rejects.toThrow(`Prometheus at ${host} did not answer within 1 s`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops when the collection budget (context signal) ends first', async () => {
    const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const cfg = config({ up: 'up' }, { baseUrl: `http://${host}` });
    await expect(collect(cfg, {}, AbortSignal.timeout(200))).rejects.toThrow(/ran out of time/);
  });

  it('reports HTTP errors and non-Prometheus answers in words a user can act on', async () => {
    await expect(collect(config({ up: 'up' }, { baseUrl: exporterUrl }))).rejects.toThrow(
      /answered HTTP 404: check that baseUrl points at the Prometheus server/,
    );
    await expect(collect(config({ up: 'up' }, { baseUrl: `${exporterUrl}/html/` }))).rejects.toThrow(
      /not a Prometheus API response/,
    );
    await expect(collect(config({ up: 'up' }, { baseUrl: `${exporterUrl}/auth` }))).rejects.toThrow(
      /answered HTTP 401: check the bearer token/,
    );
  });

  it('sends the bearer token', async () => {
    const resources = await collect(config({ up: 'up' }, { baseUrl: `${exporterUrl}/auth` }), {
      bearerToken: 's3cret',
    });
    expect(resources.map((r) => r.externalId)).toEqual(['up{model="m"}']);
  });
});

describe('prometheus config schema', () => {
  const valid = { baseUrl: 'https://prometheus.example.com', queries: [{ name: 'acc', expression: 'up' }] };

  function issues(input: unknown): string[] {
    const result = configSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  }

  it('accepts a minimal config and defaults the timeout', () => {
    expect(configSchema.parse(valid).timeoutSeconds).toBe(10);
  });

  it('rejects duplicate query names, naming the second one', () => {
    const queries = [...valid.queries, { name: 'acc', expression: 'sum(up)' }];
    expect(issues({ ...valid, queries })).toEqual([
      'queries.1.name: query name "acc" is used twice; names must be unique',
    ]);
  });

  it.each(['not a url', 'ftp://prometheus.example.com', ''])('rejects baseUrl %j', (baseUrl) => {
    expect(issues({ ...valid, baseUrl })).toEqual([
      'baseUrl: must be an http(s) URL, e.g. https://prometheus.example.com',
    ]);
  });

  it('rejects bad names, empty expressions, out-of-range timeouts, unknown keys and empty query lists', () => {
    expect(issues({ ...valid, queries: [{ name: 'Model-Accuracy', expression: ' ' }] })).toEqual([
      'queries.0.name: must be a snake_case identifier, e.g. model_accuracy',
      'queries.0.expression: must be a PromQL expression',
    ]);
    expect(issues({ ...valid, timeoutSeconds: 61 })).toHaveLength(1);
    expect(issues({ ...valid, timeoutSeconds: 0 })).toHaveLength(1);
    expect(issues({ ...valid, extra: true })).toHaveLength(1);
    expect(issues({ ...valid, queries: [] })).toEqual(['queries: configure at least one query']);
  });

  it('takes either a bearer token or basic auth, not both', () => {
    expect(secretsSchema.safeParse({}).success).toBe(true);
    expect(secretsSchema.safeParse({ basicAuth: { username: 'u', password: 'p' } }).success).toBe(true);
    expect(
      secretsSchema.safeParse({ bearerToken: 't', basicAuth: { username: 'u', password: 'p' } }).success,
    ).toBe(false);
  });
});
