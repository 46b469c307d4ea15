import { z } from 'zod';
import { nowIso } from '../../lib/time.js';
import { SEVERITIES } from '../../monitoring/test-definition.js';
import { idRef, isoDateTime, ownerSummary } from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';

export const ISSUE_STATUSES = ['open', 'resolved'] as const;
export const RESOLUTIONS = [
  'passed',
  'excluded',
  'not_applicable',
  'resource_removed',
  'test_disabled',
] as const;

export const issueUpdateSchema = z
  .object({
    ownerId: idRef().nullable(),
    dueAt: isoDateTime(),
  })
  .partial()
  .strict();

export const commentCreateSchema = z
  .object({ body: z.string().trim().min(1, 'must not be empty').max(10_000) })
  .strict();

export const issueSchema = z
  .object({
    id: z.string(),
    number: z.number().int().describe('The human handle, #12: unique and never reused.'),
    title: z.string(),
    testId: z.string(),
    testTitle: z.string(),
    resourceId: z.string(),
    resourceName: z.string().describe('The resource’s name when the issue opened.'),
    severity: z.enum(SEVERITIES),
    status: z.enum(ISSUE_STATUSES),
    ownerId: z.string().nullable(),
    owner: ownerSummary,
    dueAt: z.string(),
    overdue: z.boolean().describe('Derived: open and past its due date.'),
    openedAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolution: z.enum(RESOLUTIONS).nullable(),
    flapping: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Issue' });

export const commentSchema = z
  .object({
    id: z.string(),
    author: z.string(),
    authorUserId: z.string().nullable(),
    body: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'IssueComment' });

export const transitionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['opened', 'resolved']),
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string(),
    at: z.string(),
    testVersion: z.number().int(),
    snapshotSha256: z.string(),
    snapshot: z.record(z.string(), z.unknown()).describe('The resource attributes as evaluated.'),
  })
  .meta({ id: 'IssueTransition' });

export const issueDetailSchema = issueSchema
  .extend({
    remediation: z.string(),
    comments: z.array(commentSchema),
    transitions: z
      .array(transitionSchema)
      .describe('The failing result that opened the issue and, once resolved, the result that closed it.'),
  })
  .meta({ id: 'IssueDetail' });

/** Ascending severity means most severe first, so a rank replaces the alphabetical order of the names. */
export const SEVERITY_RANK_COLUMN = 'severity_rank';

export const issueListSpec: ListSpec = {
  sortable: {
    dueAt: 'issues.due_at',
    openedAt: 'issues.opened_at',
    number: 'issues.number',
    severity: SEVERITY_RANK_COLUMN,
  },
  defaultSort: 'dueAt',
  idColumn: 'issues.id',
  searchable: ['issues.title', 'issues.resource_name'],
  filters: {
    status: { schema: z.enum(ISSUE_STATUSES), column: 'issues.status' },
    overdue: {
      schema: z.enum(['true', 'false']),
      apply: (q, value: string) => {
        const now = nowIso();
        return value === 'true'
          ? q.where('issues.status', '=', 'open').where('issues.due_at', '<', now)
          : q.where((eb) => eb.or([eb('issues.status', '<>', 'open'), eb('issues.due_at', '>=', now)]));
      },
    },
    ownerId: { schema: z.string().max(100), column: 'issues.owner_id' },
    severity: { schema: z.enum(SEVERITIES), column: 'issues.severity' },
    testId: { schema: z.string().max(100), column: 'issues.test_id' },
    resourceId: { schema: z.string().max(100), column: 'issues.resource_id' },
  },
};

export const issueListQuery = listQuerySchema(issueListSpec);

export type IssueUpdate = z.infer<typeof issueUpdateSchema>;
export type CommentCreate = z.infer<typeof commentCreateSchema>;
export type Issue = z.infer<typeof issueSchema>;
export type IssueDetail = z.infer<typeof issueDetailSchema>;
export type IssueComment = z.infer<typeof commentSchema>;
export type IssueTransition = z.infer<typeof transitionSchema>;
/** The list filters, typed for callers inside the app (the CLI, tests); the route validates them by the spec. */
export type IssueFilters = {
  status?: (typeof ISSUE_STATUSES)[number];
  overdue?: 'true' | 'false';
  ownerId?: string;
  severity?: (typeof SEVERITIES)[number];
  testId?: string;
  resourceId?: string;
};
export type IssueListQuery = z.infer<typeof issueListQuery> & IssueFilters;
