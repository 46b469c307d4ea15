import { z } from 'zod';
import type { ResourceType } from '../integration.js';

const when = z.string().nullable();

export const objectiveResourceType: ResourceType = {
  description:
    'An AI objective (clause 6.2): its target, how often it is measured and its latest measurement.',
  attributes: z.object({
    title: z.string(),
    status: z.enum(['active', 'achieved', 'missed', 'cancelled']),
    source: z.enum(['manual', 'test_pass_rate', 'prometheus']),
    frequency: z.enum(['weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly']),
    /** The longest a measurement may be old and still count for the current period. */
    periodDays: z.number(),
    target: z.number(),
    direction: z.enum(['at_least', 'at_most']),
    unit: z.string(),
    lastMeasuredAt: when,
    lastValue: z.number().nullable(),
    /** The latest value meets the target (null before the first measurement). */
    targetMet: z.boolean().nullable(),
    dueDate: when,
    ownerId: z.string().nullable(),
    ownerActive: z.boolean(),
  }),
  example: {
    title: 'Fairness gap on credit decisions at most 2 percentage points',
    status: 'active',
    source: 'manual',
    frequency: 'monthly',
    periodDays: 31,
    target: 2,
    direction: 'at_most',
    unit: 'pp',
    lastMeasuredAt: '2026-11-20T09:00:00.000Z',
    lastValue: 2.4,
    targetMet: false,
    dueDate: '2027-06-30',
    ownerId: 'p-1',
    ownerActive: true,
  },
};

export const nonconformityResourceType: ResourceType = {
  description:
    'A nonconformity (clause 10.2): grade, status, its corrective actions and whether their effectiveness is checked.',
  attributes: z.object({
    reference: z.string(),
    grade: z.enum(['minor', 'major']),
    status: z.enum(['open', 'action_planned', 'verifying', 'closed', 'cancelled']),
    /** Neither closed nor cancelled. */
    open: z.boolean(),
    source: z.string(),
    raisedOn: z.string(),
    daysOpen: z.number(),
    hasRootCause: z.boolean(),
    actionCount: z.number(),
    overdueActionCount: z.number(),
    /** At least one effectiveness check is planned or done. */
    effectivenessCheckPlanned: z.boolean(),
    /** The latest check's result, null while none is recorded. */
    lastEffectivenessResult: z.enum(['effective', 'not_effective']).nullable(),
    ownerId: z.string().nullable(),
    ownerActive: z.boolean(),
  }),
  example: {
    reference: 'NC-2026-003',
    grade: 'major',
    status: 'verifying',
    open: true,
    source: 'audit_finding',
    raisedOn: '2026-08-14',
    daysOpen: 112,
    hasRootCause: true,
    actionCount: 2,
    overdueActionCount: 0,
    effectivenessCheckPlanned: true,
    lastEffectivenessResult: null,
    ownerId: 'p-1',
    ownerActive: true,
  },
};
