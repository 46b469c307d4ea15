// biome-ignore-all lint/suspicious/noExplicitAny: list filters are written over any table, as in shared/list.ts
import { type ExpressionBuilder, sql } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { OUTCOMES } from '../../monitoring/engine/evaluate.js';
import { celSource, cronSchedule, resourceTypeName, SEVERITIES } from '../../monitoring/test-definition.js';
import { idRef, isoDateTime, longText, requiredName } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const TEST_STATUSES = [
  'ok',
  'needs_attention',
  'error',
  'disabled',
  'not_applicable',
  'not_run',
] as const;
const controlId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,40}$/, 'must be a control id such as AIMS-GOV-01');

const fields = {
  title: requiredName(160),
  description: longText(5000),
  severity: z.enum(SEVERITIES),
  resourceType: resourceTypeName(),
  appliesWhen: celSource().nullable(),
  condition: celSource(),
  controls: z.array(controlId).max(50),
  remediation: longText(5000),
  ownerId: idRef().nullable(),
  schedule: cronSchedule(),
  enabled: z.boolean(),
};

export const testCreateSchema = z
  .object(fields)
  .partial()
  .required({ title: true, severity: true, resourceType: true, condition: true })
  .strict();
export const testUpdateSchema = z.object(fields).partial().strict();
export const dryRunSchema = testUpdateSchema;
export const dryRunNewSchema = testCreateSchema;

const counts = z.object({
  pass: z.number().int(),
  fail: z.number().int(),
  error: z.number().int(),
  not_applicable: z.number().int(),
  excluded: z.number().int(),
});

export const testSchema = z
  .object({
    id: z.string(),
    builtin: z.boolean(),
    title: z.string(),
    description: z.string(),
    severity: z.enum(SEVERITIES),
    resourceType: z.string(),
    appliesWhen: z.string().nullable(),
    condition: z.string(),
    controls: z.array(z.string()),
    frameworks: z.array(z.string()).describe('Frameworks the mapped controls reach.'),
    remediation: z.string(),
    ownerId: z.string().nullable(),
    owner: z.object({ id: z.string(), name: z.string() }).nullable(),
    schedule: z.string(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    version: z.number().int(),
    status: z.enum(TEST_STATUSES),
    counts: counts.partial(),
    lastRunAt: z.string().nullable(),
    nextRunAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Test' });

export const resultSchema = z
  .object({
    resourceId: z.string(),
    externalId: z.string(),
    resourceName: z.string(),
    resourceType: z.string(),
    outcome: z.enum(OUTCOMES),
    reason: z.string(),
    testVersion: z.number().int(),
    since: z.string(),
    excluded: z.boolean(),
    flapping: z.boolean(),
  })
  .meta({ id: 'TestResult' });

export const testDetailSchema = testSchema
  .extend({
    failing: z.array(resultSchema).describe('Failing and erroring resources (up to 200), not excluded ones.'),
    recentRuns: z.array(
      z.object({
        id: z.string(),
        trigger: z.string(),
        testVersion: z.number().int(),
        startedAt: z.string(),
        durationMs: z.number().int(),
        counts: counts.partial(),
        transitions: z.number().int(),
        status: z.string(),
        worker: z.string(),
      }),
    ),
  })
  .meta({ id: 'TestDetail' });

export const runSummarySchema = z
  .object({
    testId: z.string(),
    runId: z.string().nullable(),
    version: z.number().int(),
    counts,
    transitions: z.number().int(),
    status: z.string(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'TestRun' });

export const dryRunResultSchema = z
  .object({
    counts,
    results: z.array(
      z.object({
        resourceId: z.string(),
        externalId: z.string(),
        name: z.string(),
        outcome: z.enum(OUTCOMES),
        reason: z.string(),
      }),
    ),
  })
  .meta({ id: 'DryRunResult' });

export const versionSchema = z
  .object({
    version: z.number().int(),
    definition: z.record(z.string(), z.unknown()),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'TestVersion' });

export const exclusionCreateSchema = z
  .object({
    resourceId: z.string().min(1).max(100),
    reason: requiredName(2000),
    expiresAt: isoDateTime().nullable().optional(),
  })
  .strict();

export const exclusionSchema = z
  .object({
    id: z.string(),
    testId: z.string(),
    resourceId: z.string(),
    resourceName: z.string().nullable(),
    reason: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    active: z.boolean(),
    revokedAt: z.string().nullable(),
    revokedBy: z.string().nullable(),
  })
  .meta({ id: 'TestExclusion' });

export const testListSpec: ListSpec = {
  sortable: {
    title: 'tests.title',
    severity: 'tests.severity',
    status: 'tests.status',
    resourceType: 'tests.resource_type',
    lastRunAt: 'tests.last_run_at',
    updatedAt: 'tests.updated_at',
  },
  defaultSort: 'title',
  caseInsensitive: ['title'],
  nullable: ['lastRunAt'],
  idColumn: 'tests.id',
  searchable: ['tests.title', 'tests.id', 'tests.description'],
  filters: {
    status: { schema: z.enum(TEST_STATUSES), column: 'tests.status' },
    severity: { schema: z.enum(SEVERITIES), column: 'tests.severity' },
    resourceType: { schema: resourceTypeName(), column: 'tests.resource_type' },
    ownerId: { schema: z.string().max(100), column: 'tests.owner_id' },
    owner: { schema: z.string().max(100), column: 'tests.owner_id' },
    enabled: {
      schema: z.enum(['true', 'false']),
      apply: (q, value: string) => q.where('tests.enabled', '=', sql.lit(value === 'true')),
    },
    builtin: {
      schema: z.enum(['true', 'false']),
      apply: (q, value: string) => q.where('tests.builtin', '=', sql.lit(value === 'true')),
    },
    control: {
      schema: z.string().max(60),
      apply: (q, value: string) =>
        q.where('tests.id', 'in', (eb: ExpressionBuilder<DB, any>) =>
          eb.selectFrom('test_controls').select('test_id').where('control_id', '=', value),
        ),
    },
    framework: {
      schema: z.string().max(60),
      apply: (q, value: string) =>
        q.where('tests.id', 'in', (eb: ExpressionBuilder<DB, any>) =>
          eb
            .selectFrom('test_controls')
            .innerJoin('control_mappings', 'control_mappings.control_id', 'test_controls.control_id')
            .select('test_controls.test_id')
            .where('control_mappings.requirement_id', 'like', `${value}:%`),
        ),
    },
  },
};
export const testListQuery = listQuerySchema(testListSpec);

export const testIdParams = z.object({ id: z.string().min(1).max(100) }).strict();
export const exclusionParams = z
  .object({ id: z.string().min(1).max(100), exclusionId: z.string().max(100) })
  .strict();

export type TestCreate = z.infer<typeof testCreateSchema>;
export type TestUpdate = z.infer<typeof testUpdateSchema>;
export type Test = z.infer<typeof testSchema>;
export type TestListQuery = z.infer<typeof testListQuery>;
export type ExclusionCreate = z.infer<typeof exclusionCreateSchema>;
