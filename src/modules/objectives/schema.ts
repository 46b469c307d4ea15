import { z } from 'zod';
import {
  idRef,
  isoDate,
  isoDateTime,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';
import { ATTAINMENTS, DIRECTIONS, FREQUENCIES, STANDINGS } from './standing.js';
import { whereStanding } from './standing-filter.js';

export const SOURCES = ['manual', 'test_pass_rate', 'prometheus'] as const;
export type ObjectiveSource = (typeof SOURCES)[number];
export const OBJECTIVE_STATUSES = ['active', 'achieved', 'missed', 'cancelled'] as const;

const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');

const fields = {
  title: requiredName(),
  description: longText(10_000),
  metric: requiredName().describe('What is measured, e.g. "Model cards complete for deployed systems".'),
  unit: shortText(20).describe('The unit of the value, e.g. "%", "days", "pp"; "%" for test pass rates.'),
  direction: z.enum(DIRECTIONS).describe('at_least: higher is better; at_most: lower is better.'),
  target: finite(),
  baseline: finite().nullable(),
  source: z.enum(SOURCES),
  sourceTestId: z.string().trim().min(1).max(200).nullable().describe('Required for test_pass_rate.'),
  sourceIntegrationId: idRef().nullable().describe('A Prometheus integration; required for prometheus.'),
  sourceQuery: z.string().trim().min(1).max(10_000).nullable().describe('PromQL; required for prometheus.'),
  frequency: z.enum(FREQUENCIES),
  aiSystemId: idRef().nullable(),
  ownerId: idRef().nullable(),
  dueDate: isoDate().nullable(),
  status: z.enum(OBJECTIVE_STATUSES),
};

export const objectiveCreateSchema = z
  .object(fields)
  .partial()
  .required({ title: true, metric: true, target: true })
  .strict();
export const objectiveUpdateSchema = z.object(fields).partial().strict();

export const measurementCreateSchema = z
  .object({
    value: finite(),
    measuredAt: isoDateTime()
      .optional()
      .describe('When the value was taken (default now); not in the future.'),
    note: longText(2000).optional(),
  })
  .strict();

export const measurementSchema = z
  .object({
    id: z.string(),
    objectiveId: z.string(),
    measuredAt: z.string(),
    value: z.number(),
    source: z.enum(SOURCES),
    note: z.string(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ObjectiveMeasurement' });

export const measurementListSchema = z
  .object({ items: z.array(measurementSchema) })
  .meta({ id: 'ObjectiveMeasurementList' });

const summary = z.object({ id: z.string(), name: z.string() }).nullable();

export const objectiveSchema = z
  .object({
    ...timestampsShape,
    title: z.string(),
    description: z.string(),
    metric: z.string(),
    unit: z.string(),
    direction: z.enum(DIRECTIONS),
    target: z.number(),
    baseline: z.number().nullable(),
    source: z.enum(SOURCES),
    sourceTestId: z.string().nullable(),
    sourceIntegrationId: z.string().nullable(),
    sourceQuery: z.string().nullable(),
    frequency: z.enum(FREQUENCIES),
    aiSystemId: z.string().nullable(),
    aiSystem: summary,
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    dueDate: z.string().nullable(),
    status: z.enum(OBJECTIVE_STATUSES),
    latestMeasurement: z.object({ value: z.number(), measuredAt: z.string() }).nullable(),
    attainment: z.enum(ATTAINMENTS).describe('The latest value against the target, in its direction.'),
    standing: z
      .enum(STANDINGS)
      .describe('measurement_due: nothing measured within the current period of its frequency.'),
    nextMeasurementDue: z.string().describe('Day (YYYY-MM-DD) the next measurement is expected.'),
  })
  .meta({ id: 'Objective' });

export const objectiveListSpec: ListSpec = {
  sortable: {
    title: 'objectives.title',
    status: 'objectives.status',
    dueDate: 'objectives.due_date',
    frequency: 'objectives.frequency',
    createdAt: 'objectives.created_at',
    updatedAt: 'objectives.updated_at',
  },
  defaultSort: 'title',
  caseInsensitive: ['title'],
  nullable: ['dueDate'],
  idColumn: 'objectives.id',
  searchable: ['objectives.title', 'objectives.metric'],
  filters: {
    status: { schema: z.enum(OBJECTIVE_STATUSES), column: 'objectives.status' },
    ownerId: { schema: z.string().max(100), column: 'objectives.owner_id' },
    source: { schema: z.enum(SOURCES), column: 'objectives.source' },
    aiSystemId: { schema: z.string().max(100), column: 'objectives.ai_system_id' },
    standing: {
      schema: z.enum(STANDINGS),
      apply: (q, standing: (typeof STANDINGS)[number]) =>
        q.where((eb) => whereStanding(eb, standing, new Date())),
    },
  },
};

export const objectiveListQuery = listQuerySchema(objectiveListSpec);

export type ObjectiveCreate = z.infer<typeof objectiveCreateSchema>;
export type ObjectiveUpdate = z.infer<typeof objectiveUpdateSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type ObjectiveListQuery = z.infer<typeof objectiveListQuery>;
export type MeasurementCreate = z.infer<typeof measurementCreateSchema>;
export type Measurement = z.infer<typeof measurementSchema>;
