import { z } from 'zod';
import type { ResourceType } from '../integration.js';

const when = z.string().nullable();

export const policyResourceType: ResourceType = {
  description:
    'A policy from the policy register: lifecycle, review cadence and acknowledgement of the version in force.',
  attributes: z.object({
    title: z.string(),
    category: z.string(),
    templateId: z.string().nullable(),
    status: z.enum(['draft', 'in_review', 'approved', 'published', 'retired']),
    /** A version is published and the policy is not retired. */
    inForce: z.boolean(),
    publishedVersion: z.number().nullable(),
    publishedAt: when,
    approvedAt: when.describe('When the version in force was approved.'),
    lastReviewedAt: when,
    nextReviewDue: when,
    reviewOverdue: z.boolean(),
    acknowledgementsAssigned: z.number(),
    acknowledgementsDone: z.number(),
    /** Acknowledged out of assigned for the version in force; 100 when nobody is assigned. */
    acknowledgementPercent: z.number(),
    acknowledgementsOverdue: z.number(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    ownerActive: z.boolean(),
  }),
  example: {
    title: 'AI acceptable use policy',
    category: 'use',
    templateId: 'ai-acceptable-use',
    status: 'published',
    inForce: true,
    publishedVersion: 2,
    publishedAt: '2026-05-02T09:00:00.000Z',
    approvedAt: '2026-05-01T15:00:00.000Z',
    lastReviewedAt: '2026-05-02T09:00:00.000Z',
    nextReviewDue: '2027-05-02',
    reviewOverdue: false,
    acknowledgementsAssigned: 40,
    acknowledgementsDone: 39,
    acknowledgementPercent: 97.5,
    acknowledgementsOverdue: 0,
    ownerId: 'p-1',
    ownerName: 'Priya Raman',
    ownerActive: true,
  },
};
