import { z } from 'zod';
import { CONTROL_DOMAINS, FREQUENCIES } from '../../content/controls.js';
import { FRAMEWORK_IDS, RELATIONSHIPS } from '../../content/frameworks.js';
import {
  idList,
  idRef,
  isoDate,
  isoDateTime,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  textList,
} from '../shared/fields.js';
import { type ListSpec, linkFilter, listQuerySchema } from '../shared/list.js';

export const CONTROL_STATUSES = ['not_started', 'in_progress', 'implemented'] as const;

const mappingInput = z
  .object({
    frameworkId: z.enum(FRAMEWORK_IDS),
    ref: shortText(40).min(1),
    relationship: z.enum(RELATIONSHIPS),
    rationale: shortText(600).default(''),
  })
  .strict();

/** What the organisation decides about any control, library or custom. */
const orgFields = {
  adopted: z.boolean(),
  ownerId: idRef().nullable(),
  status: z.enum(CONTROL_STATUSES),
  implementationNotes: longText(),
  lastReviewedAt: isoDateTime().nullable(),
  nextReviewDue: isoDate().nullable(),
  riskIds: idList(),
  aiSystemIds: idList(),
};
/** What only custom controls may change; library controls take these from content. */
const definitionFields = {
  name: requiredName(120),
  domain: z.enum(CONTROL_DOMAINS),
  description: longText(5000),
  ownerRole: shortText(120),
  frequency: z.enum(FREQUENCIES),
  evidenceRequired: z.boolean(),
  expectedEvidence: textList(20, 400),
  mappings: z.array(mappingInput).max(200),
};

export const controlCreateSchema = z
  .object({ ...definitionFields, ...orgFields })
  .partial()
  .required({ name: true })
  .strict();
export const controlUpdateSchema = z
  .object({ ...definitionFields, ...orgFields })
  .partial()
  .strict();

export const controlSchema = z
  .object({
    id: z.string(),
    source: z.enum(['library', 'custom']),
    name: z.string(),
    domain: z.string(),
    description: z.string(),
    ownerRole: z.string(),
    frequency: z.string(),
    evidenceRequired: z.boolean(),
    expectedEvidence: z.array(z.string()),
    adopted: z.boolean(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    status: z.enum(CONTROL_STATUSES),
    implementationNotes: z.string(),
    lastReviewedAt: z.string().nullable(),
    nextReviewDue: z.string().nullable(),
    operating: z.boolean(),
    operatingReason: z.string(),
    evidenceCount: z.number().int(),
    validEvidenceCount: z.number().int(),
    frameworkIds: z.array(z.string()),
    mappings: z.array(
      z.object({
        frameworkId: z.string(),
        ref: z.string(),
        relationship: z.enum(RELATIONSHIPS),
        rationale: z.string(),
      }),
    ),
    riskIds: z.array(z.string()),
    aiSystemIds: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Control' });

export const controlListSpec: ListSpec = {
  sortable: {
    id: 'controls.id',
    name: 'controls.name',
    domain: 'controls.domain',
    status: 'controls.status',
    nextReviewDue: 'controls.next_review_due',
    updatedAt: 'controls.updated_at',
  },
  defaultSort: 'id',
  caseInsensitive: ['name'],
  nullable: ['nextReviewDue'],
  idColumn: 'controls.id',
  searchable: ['controls.id', 'controls.name', 'controls.description'],
  filters: {
    adopted: { schema: z.enum(['true', 'false']), column: 'controls.adopted' },
    source: { schema: z.enum(['library', 'custom']), column: 'controls.source' },
    domain: { schema: z.enum(CONTROL_DOMAINS), column: 'controls.domain' },
    status: { schema: z.enum(CONTROL_STATUSES), column: 'controls.status' },
    ownerId: { schema: z.string().max(100), column: 'controls.owner_id' },
    frameworkId: {
      schema: z.enum(FRAMEWORK_IDS),
      apply: (q, frameworkId: string) =>
        q.where('controls.id', 'in', (eb) =>
          eb
            .selectFrom('control_mappings')
            .select('control_id')
            .where('requirement_id', 'like', `${frameworkId}:%`),
        ),
    },
    riskId: linkFilter('controls.id', 'control_risks', 'control_id', 'risk_id'),
    aiSystemId: linkFilter('controls.id', 'control_ai_systems', 'control_id', 'ai_system_id'),
  },
};
export const controlListQuery = listQuerySchema(controlListSpec);

export type ControlCreate = z.infer<typeof controlCreateSchema>;
export type ControlUpdate = z.infer<typeof controlUpdateSchema>;
export type Control = z.infer<typeof controlSchema>;
export type ControlListQuery = z.infer<typeof controlListQuery>;
