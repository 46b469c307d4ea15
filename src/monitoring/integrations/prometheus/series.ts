import type { CollectedResource } from '../integration.js';
import type { QueryResult } from './client.js';
import type { PrometheusQuery } from './config.js';

type Sample = [number, string];

/** Turns one query's instant result into `metric` resources. */
export function toMetricResources(query: PrometheusQuery, result: QueryResult): CollectedResource[] {
  switch (result.resultType) {
    case 'vector':
      return result.result.flatMap((series) => metricResource(query, series.metric, series.value));
    case 'scalar':
      return metricResource(query, {}, result.result);
    case 'matrix':
      throw new Error(
        `returns a range vector; wrap it in a function such as last_over_time(...) to get one value per series`,
      );
    case 'string':
      throw new Error('returns a string, not a number');
  }
}

function metricResource(
  query: PrometheusQuery,
  metric: Record<string, string>,
  [time, text]: Sample,
): CollectedResource[] {
  const value = Number.parseFloat(text);
  // JSON (and so the stored attributes) cannot carry NaN or ±Inf: such series are skipped, as if absent.
  if (!Number.isFinite(value)) return [];
  const labels = seriesLabels(query.name, metric);
  const model = labels.model ?? '';
  return [
    {
      type: 'metric',
      externalId: `${query.name}${formatLabels(labels)}`,
      name: model ? `${query.name} (${model})` : `${query.name}${formatLabels(labels, ', ')}`,
      attributes: {
        query: query.name,
        expression: query.expression,
        value,
        labels,
        model,
        sampledAt: new Date(time * 1000).toISOString(),
      },
    },
  ];
}

/**
 * The series' labels, keeping `__name__` only when it says something the query name does not, so that a
 * query matching several metrics still yields one distinct resource per series.
 */
function seriesLabels(queryName: string, metric: Record<string, string>): Record<string, string> {
  const { __name__: metricName, ...rest } = metric;
  return metricName === undefined || metricName === queryName ? rest : metric;
}

/** Prometheus' own series notation with sorted labels: `{job="api",model="churn"}`, '' when there are none. */
function formatLabels(labels: Record<string, string>, separator = ','): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${JSON.stringify(labels[key])}`);
  return pairs.length === 0 ? '' : `{${pairs.join(separator)}}`;
}
