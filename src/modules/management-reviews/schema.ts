import { z } from 'zod';
import {
  idList,
  idRef,
  isoDate,
  longText,
  ownerSummary,
  requiredName,
  shortText,
  timestampsShape,
} from '../shared/fields.js';
import { type ListSpec, listQuerySchema } from '../shared/list.js';
import { INPUT_SECTION_KEYS } from './inputs/sections.js';
import { outputSchema } from './output-schema.js';

export const REVIEW_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const noteText = longText(20_000);
/** Notes per 9.3.2 input: only the known section keys; an empty text removes a note. */
export const inputNotesSchema = z
  .object(
    Object.fromEntries(INPUT_SECTION_KEYS.map((key) => [key, noteText])) as Record<
      (typeof INPUT_SECTION_KEYS)[number],
      typeof noteText
    >,
  )
  .partial()
  .strict();

export const reviewCreateSchema = z
  .object({
    title: requiredName(),
    scheduledFor: isoDate(),
    chairId: idRef().nullable().optional(),
    attendeeIds: idList(100).optional(),
    location: shortText(200).optional(),
    minutes: longText(100_000).optional(),
  })
  .strict();

export const reviewUpdateSchema = z
  .object({
    title: requiredName(),
    scheduledFor: isoDate(),
    chairId: idRef().nullable(),
    attendeeIds: idList(100),
    location: shortText(200),
    minutes: longText(100_000),
    inputNotes: inputNotesSchema.describe('Merged into the notes held: one text per input section key.'),
  })
  .partial()
  .strict();

export const transitionSchema = z
  .object({
    to: z.enum(['in_progress', 'completed', 'cancelled']),
    heldOn: isoDate()
      .optional()
      .describe('Completing only: the day the review was held (default today; never in the future).'),
  })
  .strict();

export const exportQuery = z.object({ format: z.enum(['pdf', 'docx']) }).strict();

export const reviewSchema = z
  .object({
    ...timestampsShape,
    title: z.string(),
    scheduledFor: z.string(),
    heldOn: z.string().nullable(),
    status: z.enum(REVIEW_STATUSES),
    chairId: z.string().nullable(),
    chair: ownerSummary,
    attendeeIds: z.array(z.string()),
    attendees: z.array(z.object({ id: z.string(), name: z.string() })),
    location: z.string(),
    minutes: z.string(),
    inputNotes: z.record(z.string(), z.string()),
    inputsCovered: z.boolean().describe('Every 9.3.2 input section has a note.'),
    missingInputs: z.array(z.string()).describe('Input section keys without a note.'),
    outputs: z.array(outputSchema),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'ManagementReview' });

export const reviewListSpec: ListSpec = {
  sortable: {
    scheduledFor: 'management_reviews.scheduled_for',
    heldOn: 'management_reviews.held_on',
    title: 'management_reviews.title',
    status: 'management_reviews.status',
    createdAt: 'management_reviews.created_at',
    updatedAt: 'management_reviews.updated_at',
  },
  caseInsensitive: ['title'],
  nullable: ['heldOn'],
  defaultSort: '-scheduledFor',
  idColumn: 'management_reviews.id',
  searchable: ['management_reviews.title', 'management_reviews.location'],
  filters: {
    status: { schema: z.enum(REVIEW_STATUSES), column: 'management_reviews.status' },
    chairId: { schema: z.string().max(100), column: 'management_reviews.chair_id' },
  },
};

export const reviewListQuery = listQuerySchema(reviewListSpec);

export type ReviewCreate = z.infer<typeof reviewCreateSchema>;
export type ReviewUpdate = z.infer<typeof reviewUpdateSchema>;
export type ReviewTransition = z.infer<typeof transitionSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type ReviewListQuery = z.infer<typeof reviewListQuery>;
