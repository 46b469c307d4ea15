import { z } from 'zod';

export const PHASES = ['plan', 'do', 'check', 'act'] as const;
export type Phase = (typeof PHASES)[number];

export const pdcaRecordSchema = z.object({
  type: z.string().describe('The record type, e.g. risk, corrective_action.'),
  label: z.string(),
  total: z.number().int(),
  overdue: z.number().int().nullable().describe('Null for record types that carry no deadline.'),
  link: z.string(),
});

export const pdcaSchema = z
  .object({
    computedAt: z.string(),
    phases: z.array(
      z.object({
        phase: z.enum(PHASES),
        title: z.string(),
        purpose: z.string(),
        total: z.number().int(),
        overdue: z.number().int(),
        records: z.array(pdcaRecordSchema),
      }),
    ),
  })
  .meta({ id: 'Pdca' });
export type Pdca = z.infer<typeof pdcaSchema>;
