import { z } from 'zod';

export const INBOX_KINDS = [
  'policy_acknowledgement',
  'policy_review',
  'training',
  'concern',
  'issue',
  'record_review',
  'objective_measurement',
  'audit',
  'corrective_action',
  'effectiveness_check',
  'review_action',
] as const;

/** One piece of the caller's own work, due or overdue, with where to do it in the web application. */
export const inboxItemSchema = z
  .object({
    kind: z.enum(INBOX_KINDS),
    /** The record the work is about (policy, assignment, concern…), unique together with kind. */
    id: z.string(),
    title: z.string(),
    detail: z.string(),
    dueOn: z.string().nullable().describe('Day the work is due (YYYY-MM-DD), when it has one.'),
    overdue: z.boolean(),
    /** The web application's path where the work is done, e.g. /inbox?policy=… or /training?assignment=…. */
    link: z.string(),
  })
  .meta({ id: 'InboxItem' });

export type InboxItem = z.infer<typeof inboxItemSchema>;
