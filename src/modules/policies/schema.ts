import { z } from 'zod';
import { POLICY_CATEGORIES } from '../../content/policy-templates.js';
import { addDays, todayIso } from '../../lib/time.js';
import { ROLES } from '../auth/permissions.js';
import {
  idRef,
  isoDate,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  textList,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const POLICY_STATUSES = ['draft', 'in_review', 'approved', 'published', 'retired'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
export const REVIEW_STATUSES = ['not_published', 'overdue', 'due_soon', 'current'] as const;
/** A review falling due within this many days is "due soon". */
export const REVIEW_DUE_SOON_DAYS = 30;
/** Days people have to acknowledge a newly published version. */
export const ACKNOWLEDGE_WITHIN_DAYS = 14;

const audienceSchema = z
  .object({
    roles: z.array(z.enum(ROLES)).max(ROLES.length),
    departments: textList(50),
  })
  .strict();

const fields = {
  title: requiredName(),
  category: z.enum(POLICY_CATEGORIES),
  body: longText(200_000),
  changelog: longText(5000),
  ownerId: idRef().nullable(),
  reviewCadenceMonths: z.number().int().min(1).max(60),
  audience: audienceSchema,
  isoRefs: textList(20, 20),
};

export const policyCreateSchema = z
  .object({ ...fields, templateId: shortText(100).min(1) })
  .partial()
  .strict()
  .refine((p) => p.title !== undefined || p.templateId !== undefined, {
    message: 'give a title, or a templateId to start from',
    path: ['title'],
  });
export const policyUpdateSchema = z.object(fields).partial().strict();

const acknowledgementSummary = z.object({
  version: z.number().int(),
  assigned: z.number().int(),
  acknowledged: z.number().int(),
  percent: z.number().describe('Acknowledged out of assigned, 0-100; 100 when nobody is assigned.'),
});

export const policySchema = z
  .object({
    ...timestampsShape,
    title: z.string(),
    category: z.enum(POLICY_CATEGORIES),
    templateId: z.string().nullable(),
    status: z.enum(POLICY_STATUSES),
    body: z.string().describe('The working text; for members, the published text.'),
    changelog: z.string(),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    reviewCadenceMonths: z.number().int(),
    audience: z.object({ roles: z.array(z.string()), departments: z.array(z.string()) }),
    isoRefs: z.array(z.string()),
    submittedBy: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    publishedVersion: z.number().int().nullable().describe('The version in force, if any.'),
    publishedAt: z.string().nullable(),
    lastReviewedAt: z.string().nullable(),
    nextReviewDue: z.string().nullable(),
    reviewStatus: z.enum(REVIEW_STATUSES),
    acknowledgements: acknowledgementSummary.nullable(),
    myAcknowledgement: z
      .object({ version: z.number().int(), dueOn: z.string(), acknowledgedAt: z.string().nullable() })
      .nullable()
      .describe("The caller's own acknowledgement of the version in force, when one is assigned."),
  })
  .meta({ id: 'Policy' });

export const policyVersionSchema = z
  .object({
    policyId: z.string(),
    version: z.number().int(),
    title: z.string(),
    body: z.string(),
    changelog: z.string(),
    approvedBy: z.string(),
    approvedAt: z.string(),
    publishedBy: z.string(),
    publishedAt: z.string(),
    sha256: z.string().describe('SHA-256 of the published Markdown, to show the text never changed.'),
  })
  .meta({ id: 'PolicyVersion' });

export const transitionSchema = z
  .object({
    to: z.enum(POLICY_STATUSES),
    comment: shortText(2000).optional(),
  })
  .strict();

export const reviewSchema = z
  .object({ notes: shortText(5000).min(1, 'say what the review found'), reviewedOn: isoDate().optional() })
  .strict();

export const acknowledgeSchema = z
  .object({
    personId: idRef().optional().describe('Only ever the caller: nobody acknowledges for someone else.'),
  })
  .strict();

export const acknowledgementSchema = z
  .object({
    id: z.string(),
    policyId: z.string(),
    version: z.number().int(),
    personId: z.string(),
    personName: z.string(),
    department: z.string().nullable(),
    assignedAt: z.string(),
    dueOn: z.string(),
    acknowledgedAt: z.string().nullable(),
    status: z.enum(['acknowledged', 'pending', 'overdue']),
  })
  .meta({ id: 'PolicyAcknowledgement' });

export const acknowledgementsQuery = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    status: z.enum(['acknowledged', 'pending', 'overdue']).optional(),
  })
  .strict();

export const versionParams = z
  .object({ id: z.string().max(200), version: z.coerce.number().int().min(1) })
  .strict();
export const exportQuery = z.object({ format: z.enum(['pdf', 'docx']) }).strict();
export const diffQuery = z
  .object({
    from: z.coerce.number().int().min(1),
    to: z
      .union([z.literal('draft'), z.coerce.number().int().min(1)])
      .optional()
      .describe('A version, or draft (default).'),
  })
  .strict();

export const diffSchema = z.object({
  from: z.number().int(),
  to: z.union([z.number().int(), z.literal('draft')]),
  added: z.number().int(),
  removed: z.number().int(),
  lines: z.array(z.object({ kind: z.enum(['added', 'removed', 'same']), text: z.string() })),
  unified: z.string().describe('The same change as a unified diff.'),
});

export const policyListSpec: ListSpec = {
  sortable: {
    title: 'policies.title',
    status: 'policies.status',
    category: 'policies.category',
    nextReviewDue: 'policies.next_review_due',
    publishedAt: 'policies.published_at',
    updatedAt: 'policies.updated_at',
  },
  defaultSort: 'title',
  caseInsensitive: ['title'],
  nullable: ['nextReviewDue', 'publishedAt'],
  idColumn: 'policies.id',
  searchable: ['policies.title', 'policies.body'],
  filters: {
    status: { schema: z.enum(POLICY_STATUSES), column: 'policies.status' },
    category: { schema: z.enum(POLICY_CATEGORIES), column: 'policies.category' },
    ownerId: { schema: z.string().max(100), column: 'policies.owner_id' },
    reviewStatus: {
      schema: z.enum(REVIEW_STATUSES),
      apply: (q, status: (typeof REVIEW_STATUSES)[number]) => {
        const today = todayIso();
        const soon = addDays(today, REVIEW_DUE_SOON_DAYS);
        if (status === 'not_published') return q.where('policies.next_review_due', 'is', null);
        if (status === 'overdue') return q.where('policies.next_review_due', '<', today);
        if (status === 'due_soon')
          return q
            .where('policies.next_review_due', '>=', today)
            .where('policies.next_review_due', '<=', soon);
        return q.where('policies.next_review_due', '>', soon);
      },
    },
  },
};
export const policyListQuery = listQuerySchema(policyListSpec);

export type PolicyCreate = z.infer<typeof policyCreateSchema>;
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;
export type Policy = z.infer<typeof policySchema>;
export type PolicyVersion = z.infer<typeof policyVersionSchema>;
export type PolicyListQuery = z.infer<typeof policyListQuery>;
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
