import { type CollectedResource, IntegrationError, type IntegrationKind } from '../integration.js';
import { instantQuery } from './client.js';
import {
  authorizationHeader,
  type PrometheusConfig,
  type PrometheusSecrets,
  prometheusConfigSchema,
  prometheusSecretsSchema,
} from './config.js';
import { prometheusResourceTypes } from './resource-types.js';
import { toMetricResources } from './series.js';

export type { PrometheusConfig, PrometheusSecrets } from './config.js';

export const prometheusIntegration: IntegrationKind<PrometheusConfig, PrometheusSecrets> = {
  kind: 'prometheus',
  title: 'Prometheus',
  description:
    'Runs configured PromQL queries (model accuracy, drift, latency…) against a Prometheus server and records the latest value of each series.',
  configSchema: prometheusConfigSchema,
  secretsSchema: prometheusSecretsSchema,
  resourceTypes: prometheusResourceTypes,
  defaultSchedule: '*/5 * * * *',
  async collect({ config, secrets, signal }) {
    const authorization = authorizationHeader(secrets);
    const resources: CollectedResource[] = [];
    // One at a time: a monitoring sync should not add bursts of load to the server it watches.
    for (const query of config.queries) {
      try {
        const result = await instantQuery({
          baseUrl: config.baseUrl,
          expression: query.expression,
          timeoutSeconds: config.timeoutSeconds,
          signal,
          authorization,
        });
        resources.push(...toMetricResources(query, result));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new IntegrationError(`query "${query.name}": ${message}`, { cause: error });
      }
    }
    return resources;
  },
};
