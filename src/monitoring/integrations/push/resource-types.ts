import { z } from 'zod';
import type { ResourceType } from '../integration.js';

// What pipelines push. Each type is a contract: a batch with one invalid item is refused as a whole.
const systemRef = {
  /** The AI system (register id) the result belongs to. */
  aiSystemId: z.string().min(1),
  modelName: z.string().min(1),
  modelVersion: z.string().min(1),
};
const at = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });

const modelEvaluation: ResourceType = {
  description: 'A model evaluation report from a training or release pipeline.',
  attributes: z
    .object({
      ...systemRef,
      evaluatedAt: at,
      dataset: z.string().min(1),
      /** Metric name → value, e.g. { "accuracy": 0.91, "auc": 0.88 }. */
      metrics: z.record(z.string(), z.number()),
      /** Metric name → minimum acceptable value agreed for this model. */
      thresholds: z.record(z.string(), z.number()),
      passed: z.boolean(),
      reportUrl: z.string().nullable(),
    })
    .strict(),
  example: {
    aiSystemId: 's-1',
    modelName: 'gbm-ranker',
    modelVersion: '3.2',
    evaluatedAt: '2026-11-28T10:00:00.000Z',
    dataset: 'holdout-2026-10',
    metrics: { accuracy: 0.91, auc: 0.88 },
    thresholds: { accuracy: 0.85, auc: 0.8 },
    passed: true,
    reportUrl: 'https://ci.example/reports/123',
  },
};

const biasAudit: ResourceType = {
  description: 'A bias audit: selection rates per group and their ratio to the most favoured group.',
  attributes: z
    .object({
      ...systemRef,
      auditedAt: at,
      protectedAttribute: z.string().min(1),
      /** Group → selection rate (0..1). */
      selectionRates: z.record(z.string(), z.number().min(0).max(1)),
      /** Lowest selection rate divided by the highest (the four-fifths rule compares it with 0.8). */
      minImpactRatio: z.number().min(0).max(1),
      auditor: z.string().min(1),
      independent: z.boolean(),
    })
    .strict(),
  example: {
    aiSystemId: 's-1',
    modelName: 'gbm-ranker',
    modelVersion: '3.2',
    auditedAt: '2026-11-01T10:00:00.000Z',
    protectedAttribute: 'age_band',
    selectionRates: { '18-30': 0.41, '31-50': 0.45, '51+': 0.4 },
    minImpactRatio: 0.89,
    auditor: 'Fairness Lab Ltd',
    independent: true,
  },
};

const redTeamResult: ResourceType = {
  description: 'A red-team or adversarial testing exercise and its findings.',
  attributes: z
    .object({
      ...systemRef,
      testedAt: at,
      scope: z.string().min(1),
      findingsCritical: z.number().int().min(0),
      findingsHigh: z.number().int().min(0),
      findingsOpen: z.number().int().min(0),
      reportUrl: z.string().nullable(),
    })
    .strict(),
  example: {
    aiSystemId: 's-1',
    modelName: 'support-assistant',
    modelVersion: '2026.11',
    testedAt: '2026-11-15T10:00:00.000Z',
    scope: 'prompt injection, data exfiltration, jailbreaks',
    findingsCritical: 0,
    findingsHigh: 1,
    findingsOpen: 0,
    reportUrl: null,
  },
};

const loggingStatus: ResourceType = {
  description:
    'Event logging of a deployed AI system (A.6.2.8): is it on, how long is it kept, is it flowing.',
  attributes: z
    .object({
      aiSystemId: z.string().min(1),
      loggingEnabled: z.boolean(),
      retentionDays: z.number().int().min(0),
      lastEventAt: at.nullable(),
      destination: z.string().min(1),
    })
    .strict(),
  example: {
    aiSystemId: 's-1',
    loggingEnabled: true,
    retentionDays: 400,
    lastEventAt: '2026-12-04T08:00:00.000Z',
    destination: 'siem://eu-prod',
  },
};

export const pushResourceTypes: Record<string, ResourceType> = {
  'model-evaluation': modelEvaluation,
  'bias-audit': biasAudit,
  'red-team-result': redTeamResult,
  'logging-status': loggingStatus,
};
