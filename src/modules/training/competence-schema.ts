import { z } from 'zod';
import { ASSIGNMENT_STATUS } from './assignment-schema.js';

export const COMPETENCE_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type CompetenceFormat = (typeof COMPETENCE_FORMATS)[number];

export const competenceQuery = z
  .object({
    format: z.enum(COMPETENCE_FORMATS).default('json').describe('csv and xlsx download a file.'),
  })
  .strict();

export const competenceEntrySchema = z.object({
  assignmentId: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  isoRefs: z.array(z.string()),
  reason: z.string(),
  assignedAt: z.string(),
  dueOn: z.string(),
  status: z.enum(ASSIGNMENT_STATUS),
  completedAt: z.string().nullable(),
  score: z.number().int().nullable(),
  passScore: z.number().int().nullable(),
  evidenceNote: z.string(),
  evidenceId: z.string().nullable(),
  completedByLabel: z.string().nullable(),
});

/** A person's competence record (7.2): every assignment with its completion and evidence, for auditors. */
export const competenceSchema = z
  .object({
    person: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      jobTitle: z.string().nullable(),
      department: z.string().nullable(),
      active: z.boolean(),
    }),
    generatedAt: z.string(),
    summary: z.object({
      total: z.number().int(),
      completed: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
    assignments: z.array(competenceEntrySchema),
  })
  .meta({ id: 'CompetenceRecord' });

export type Competence = z.infer<typeof competenceSchema>;
export type CompetenceEntry = z.infer<typeof competenceEntrySchema>;
