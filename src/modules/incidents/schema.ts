import { sql } from 'kysely';
import { z } from 'zod';
import {
  idList,
  idRef,
  isoDateTime,
  longText,
  ownerSummary,
  requiredName,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';
import { aiSystemFilter, notificationStatusFilter } from './filters.js';
import { notificationSchema, timelineEntrySchema } from './notification-schema.js';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const HARM_TYPES = [
  'health_safety',
  'fundamental_rights',
  'discrimination',
  'privacy',
  'property_environment',
  'critical_infrastructure',
  'financial',
  'reputational',
  'security',
  'other',
] as const;
/** Art. 73: the category of a serious incident decides how soon the authority must hear of it. */
export const SERIOUS_CATEGORIES = ['general', 'death', 'widespread_or_critical_infrastructure'] as const;
export const INCIDENT_STATUSES = ['open', 'investigating', 'contained', 'resolved', 'closed'] as const;
export const NOTIFICATION_STATUSES = ['none', 'pending', 'overdue', 'done'] as const;

export type Severity = (typeof SEVERITIES)[number];
export type SeriousCategory = (typeof SERIOUS_CATEGORIES)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

const fields = {
  title: requiredName(),
  description: longText(20_000),
  severity: z.enum(SEVERITIES),
  harmType: z.enum(HARM_TYPES),
  serious: z.boolean().describe('An Art. 3(49) EU AI Act "serious incident".'),
  seriousCategory: z
    .enum(SERIOUS_CATEGORIES)
    .nullable()
    .describe('Only for serious incidents; "general" when not given.'),
  occurredAt: isoDateTime().describe('When it happened (default: when it was detected).'),
  detectedAt: isoDateTime().describe('When the organisation became aware of it (default: now).'),
  rootCause: longText(20_000),
  correctiveActionIds: idList(50),
  lessonsLearned: longText(20_000),
  ownerId: idRef().nullable(),
  aiSystemIds: idList(50),
};

export const incidentCreateSchema = z
  .object(fields)
  .partial()
  .required({ title: true, severity: true, harmType: true })
  .strict();
export const incidentUpdateSchema = z
  .object({
    ...fields,
    status: z
      .enum(INCIDENT_STATUSES)
      .describe('Forward in order (steps may be skipped), or back to investigating to reopen.'),
  })
  .partial()
  .strict();

export const incidentSchema = z
  .object({
    ...timestampsShape,
    reference: z.string().describe('INC-<year>-<number>, sequential within the year it was recorded.'),
    title: z.string(),
    description: z.string(),
    severity: z.enum(SEVERITIES),
    harmType: z.enum(HARM_TYPES),
    serious: z.boolean(),
    seriousCategory: z.enum(SERIOUS_CATEGORIES).nullable(),
    occurredAt: z.string(),
    detectedAt: z.string(),
    status: z.enum(INCIDENT_STATUSES),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    rootCause: z.string(),
    correctiveActionIds: z.array(z.string()),
    lessonsLearned: z.string(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    aiSystemIds: z.array(z.string()),
    aiSystems: z.array(z.object({ id: z.string(), name: z.string(), riskTier: z.string() })),
    authorityNotificationRequired: z
      .boolean()
      .describe('Serious and involving a high-risk AI system: Art. 73 applies.'),
    notifications: z.array(notificationSchema),
    notificationStatus: z.enum(NOTIFICATION_STATUSES),
    timeline: z.array(timelineEntrySchema).describe('Newest first.'),
  })
  .meta({ id: 'Incident' });

export const incidentListSpec: ListSpec = {
  sortable: {
    reference: 'incidents.reference',
    title: 'incidents.title',
    status: 'incidents.status',
    detectedAt: 'incidents.detected_at',
    occurredAt: 'incidents.occurred_at',
    createdAt: 'incidents.created_at',
    updatedAt: 'incidents.updated_at',
  },
  defaultSort: '-detectedAt',
  caseInsensitive: ['title'],
  idColumn: 'incidents.id',
  searchable: ['incidents.reference', 'incidents.title', 'incidents.description'],
  filters: {
    severity: { schema: z.enum(SEVERITIES), column: 'incidents.severity' },
    status: { schema: z.enum(INCIDENT_STATUSES), column: 'incidents.status' },
    harmType: { schema: z.enum(HARM_TYPES), column: 'incidents.harm_type' },
    ownerId: { schema: z.string().max(100), column: 'incidents.owner_id' },
    serious: {
      schema: z.enum(['true', 'false']),
      apply: (q, value: string) => q.where('incidents.serious', '=', sql.lit(value === 'true')),
    },
    open: {
      schema: z.enum(['true', 'false']).describe('true: not yet resolved or closed.'),
      apply: (q, value: string) =>
        q.where('incidents.status', value === 'true' ? 'not in' : 'in', ['resolved', 'closed']),
    },
    aiSystemId: aiSystemFilter,
    notificationStatus: notificationStatusFilter,
  },
};
export const incidentListQuery = listQuerySchema(incidentListSpec);

export type IncidentCreate = z.infer<typeof incidentCreateSchema>;
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;
export type Incident = z.infer<typeof incidentSchema>;
export type IncidentListQuery = z.infer<typeof incidentListQuery>;
