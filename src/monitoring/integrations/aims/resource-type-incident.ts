import { z } from 'zod';
import {
  HARM_TYPES,
  INCIDENT_STATUSES,
  SERIOUS_CATEGORIES,
  SEVERITIES,
} from '../../../modules/incidents/schema.js';
import type { ResourceType } from '../integration.js';

const when = z.string().nullable();

export const incidentResourceType: ResourceType = {
  description:
    'An AI incident: severity, status, how long it has been open, and the notifications it owes (EU AI Act Art. 73, GDPR Art. 33).',
  attributes: z.object({
    reference: z.string(),
    severity: z.enum(SEVERITIES),
    harmType: z.enum(HARM_TYPES),
    /** An Art. 3(49) EU AI Act serious incident. */
    serious: z.boolean(),
    seriousCategory: z.enum(SERIOUS_CATEGORIES).nullable(),
    status: z.enum(INCIDENT_STATUSES),
    /** Not yet resolved or closed. */
    open: z.boolean(),
    detectedAt: z.string(),
    resolvedAt: when,
    closedAt: when,
    /** Whole days from detection to resolution, or to now while open. */
    daysOpen: z.number(),
    resolutionTargetDays: z.number(),
    /** Still open after its severity's resolution target. */
    pastResolutionTarget: z.boolean(),
    /** At least one affected AI system is high-risk. */
    highRiskSystem: z.boolean(),
    /** An Art. 73 notification to the market surveillance authority exists. */
    hasAuthorityNotification: z.boolean(),
    authorityNotifiedAt: when,
    /** The Art. 73 report is overdue, or was made after its deadline. */
    authorityReportLate: z.boolean(),
    notificationsPending: z.number(),
    notificationsOverdue: z.number(),
    /** Notifications made after their deadline. */
    notificationsLate: z.number(),
    hasRootCause: z.boolean(),
    hasLessonsLearned: z.boolean(),
    aiSystemIds: z.array(z.string()),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    ownerActive: z.boolean(),
  }),
  example: {
    reference: 'INC-2026-004',
    severity: 'high',
    harmType: 'discrimination',
    serious: true,
    seriousCategory: 'general',
    status: 'investigating',
    open: true,
    detectedAt: '2026-11-28T08:30:00.000Z',
    resolvedAt: null,
    closedAt: null,
    daysOpen: 6,
    resolutionTargetDays: 30,
    pastResolutionTarget: false,
    highRiskSystem: true,
    hasAuthorityNotification: true,
    authorityNotifiedAt: '2026-12-02T10:00:00.000Z',
    authorityReportLate: false,
    notificationsPending: 0,
    notificationsOverdue: 0,
    notificationsLate: 0,
    hasRootCause: false,
    hasLessonsLearned: false,
    aiSystemIds: ['s-1'],
    ownerId: 'p-1',
    ownerName: 'Priya Raman',
    ownerActive: true,
  },
};
