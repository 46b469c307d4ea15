import { z } from 'zod';
import { idRef, isoDateTime, shortText } from '../shared/fields.js';

export const NOTIFICATION_RULES = ['eu_ai_act_art73', 'gdpr_art33'] as const;
export type NotificationRule = (typeof NOTIFICATION_RULES)[number];
export const TIMELINE_KINDS = ['note', 'status', 'notification', 'containment', 'root_cause'] as const;
/** Status and notification entries are written by the module itself. */
export const MANUAL_TIMELINE_KINDS = ['note', 'containment', 'root_cause'] as const;

export const notificationSchema = z
  .object({
    id: z.string(),
    rule: z
      .enum(NOTIFICATION_RULES)
      .nullable()
      .describe('Set when the module created the notification and keeps its deadline in step.'),
    party: z.string(),
    interestedPartyId: z.string().nullable(),
    basis: z.string().describe('The legal or contractual basis, as shown to the user.'),
    dueAt: z.string(),
    notifiedAt: z.string().nullable(),
    reference: z.string(),
    notes: z.string(),
    overdue: z.boolean().describe('Not notified and past its due time.'),
    late: z.boolean().describe('Notified after its due time.'),
    hoursLeft: z.number().nullable().describe('Until due (negative once overdue); null once notified.'),
  })
  .meta({ id: 'IncidentNotification' });

export const timelineEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    text: z.string(),
    authorLabel: z.string(),
  })
  .meta({ id: 'IncidentTimelineEntry' });

export const notificationCreateSchema = z
  .object({
    party: shortText(200).min(1, 'must not be empty').optional().describe('Default: the interested party.'),
    interestedPartyId: idRef().nullable().optional(),
    basis: shortText(500).min(1, 'say why this party is notified'),
    dueAt: isoDateTime(),
  })
  .strict()
  .refine((n) => n.party !== undefined || n.interestedPartyId, {
    message: 'name the party, or give an interestedPartyId',
    path: ['party'],
  });

export const notificationUpdateSchema = z
  .object({
    notifiedAt: isoDateTime().nullable().describe('When the party was notified; null to undo.'),
    reference: shortText(200),
    notes: shortText(5000),
  })
  .partial()
  .strict();

export const timelineCreateSchema = z
  .object({
    kind: z.enum(MANUAL_TIMELINE_KINDS),
    text: shortText(5000).min(1, 'must not be empty'),
    at: isoDateTime().optional().describe('Default: now.'),
  })
  .strict();

export const notificationParams = z
  .object({ id: z.string().max(200), notificationId: z.string().max(200) })
  .strict();

export type NotificationCreate = z.infer<typeof notificationCreateSchema>;
export type NotificationUpdate = z.infer<typeof notificationUpdateSchema>;
export type TimelineCreate = z.infer<typeof timelineCreateSchema>;
export type IncidentNotification = z.infer<typeof notificationSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export { type AssignTraining, assignTrainingSchema } from '../training/trigger-schema.js';
