import { z } from 'zod';
import { isoDate } from '../shared/fields.js';

/** Every kind of dated AIMS obligation the calendar shows, grouped as a user would filter them. */
export const CALENDAR_KINDS = [
  'external_audit',
  'certificate_expiry',
  'internal_audit',
  'management_review',
  'corrective_action',
  'effectiveness_check',
  'review_action',
  'objective',
  'policy_review',
  'ai_system_review',
  'vendor_review',
  'evidence_expiry',
] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

const kindList = z
  .preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(z.enum(CALENDAR_KINDS)).max(CALENDAR_KINDS.length),
  )
  .describe('Only these kinds (comma-separated); default: all.');

export const calendarQuery = z
  .object({
    from: isoDate().optional().describe('First day (default: 30 days ago).'),
    to: isoDate().optional().describe('Last day (default: a year from today; at most 3 years after from).'),
    kinds: kindList.optional(),
  })
  .strict();
export type CalendarQuery = z.infer<typeof calendarQuery>;

export const feedQuery = calendarQuery
  .extend({
    token: z
      .string()
      .max(200)
      .optional()
      .describe(
        'A calendar feed token, for calendar apps that cannot send headers; it can only read this feed.',
      ),
  })
  .strict();

export const calendarEventSchema = z.object({
  uid: z.string().describe('Stable across feeds: kind and record id.'),
  kind: z.enum(CALENDAR_KINDS),
  title: z.string(),
  start: z.string().describe('First day (YYYY-MM-DD).'),
  end: z.string().describe('Last day, inclusive (YYYY-MM-DD).'),
  status: z.string(),
  overdue: z.boolean(),
  link: z.string().describe('Where it lives in the web application.'),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const calendarSchema = z
  .object({ from: z.string(), to: z.string(), events: z.array(calendarEventSchema) })
  .meta({ id: 'Calendar' });

export const feedTokenSchema = z
  .object({
    active: z.boolean(),
    prefix: z.string().nullable(),
    createdAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarFeedToken' });
export type FeedTokenStatus = z.infer<typeof feedTokenSchema>;

export const feedTokenCreatedSchema = z
  .object({
    token: z.string().describe('Shown once: only its hash is stored.'),
    path: z.string().describe('The feed path with the token, to append to the server address.'),
    status: feedTokenSchema,
  })
  .meta({ id: 'CalendarFeedTokenCreated' });
