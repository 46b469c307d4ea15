import { z } from 'zod';
import { ROLES } from '../../../modules/auth/permissions.js';
import type { ResourceType } from '../integration.js';

/** A training course (clauses 7.2, 7.3) and how far the people assigned it are with it. */
export const courseResourceType: ResourceType = {
  description: 'A training course with its material, audience and completion by the people assigned it.',
  attributes: z.object({
    title: z.string(),
    active: z.boolean(),
    /** Markdown material or a link to it. */
    hasMaterial: z.boolean(),
    audienceRoles: z.array(z.enum(ROLES)),
    audienceDepartments: z.array(z.string()),
    recurrenceMonths: z.number().nullable(),
    passScore: z.number().nullable(),
    /** People holding an assignment of the course (each counted once). */
    assigned: z.number(),
    /** Of those, people who completed it and have nothing overdue. */
    completed: z.number(),
    /** People with an open assignment past its due date. */
    overdue: z.number(),
    /** People assigned it for the first time, not yet due. */
    pending: z.number(),
    /** completed / (completed + overdue) × 100; 100 while nothing has fallen due. */
    completionPercent: z.number(),
    ownerId: z.string().nullable(),
    templateId: z.string().nullable(),
    updatedAt: z.string(),
  }),
  example: {
    title: 'AI awareness for everyone',
    active: true,
    hasMaterial: true,
    audienceRoles: ['admin', 'manager', 'contributor', 'auditor', 'member'],
    audienceDepartments: [],
    recurrenceMonths: 12,
    passScore: 80,
    assigned: 40,
    completed: 37,
    overdue: 1,
    pending: 2,
    completionPercent: 97.4,
    ownerId: 'p-1',
    templateId: 'ai-awareness-basics',
    updatedAt: '2026-06-01T09:00:00.000Z',
  },
};
