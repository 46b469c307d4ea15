import { z } from 'zod';
import type { ResourceType } from '../integration.js';

const metric: ResourceType = {
  description: 'One series of a configured Prometheus query: its latest value and labels.',
  attributes: z.object({
    /** The configured query's name, e.g. "model_accuracy". */
    query: z.string(),
    /** The PromQL expression. */
    expression: z.string(),
    value: z.number(),
    labels: z.record(z.string(), z.string()),
    /** Convenience copy of the `model` label ('' when absent). */
    model: z.string(),
    /** When the sample was taken (ISO-8601, UTC). */
    sampledAt: z.string(),
  }),
  example: {
    query: 'model_accuracy',
    expression: 'avg by (model) (model_accuracy)',
    value: 0.91,
    labels: { model: 'credit-ranker' },
    model: 'credit-ranker',
    sampledAt: '2026-12-04T08:00:00.000Z',
  },
};

export const prometheusResourceTypes: Record<string, ResourceType> = { metric };
