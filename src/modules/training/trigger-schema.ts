import { z } from 'zod';
import { idList, idRef, isoDate } from '../shared/fields.js';

/** Assigning a course because of another record (an incident, a change): who, which course, by when. */
export const assignTrainingSchema = z
  .object({
    courseId: idRef(),
    personIds: idList(500).min(1, 'name at least one person'),
    dueOn: isoDate().optional(),
  })
  .strict();

export type AssignTraining = z.infer<typeof assignTrainingSchema>;
