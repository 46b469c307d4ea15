import type { components } from '../../api/schema.js';
import type { FieldConfig } from '../registers/fields.js';
import { enumOptions } from '../registers/labels.js';

export type Review = components['schemas']['ManagementReview'];
export type ReviewOutput = components['schemas']['ManagementReviewOutput'];
export type ReviewAction = components['schemas']['ManagementReviewAction'];
export type ReviewInputs = components['schemas']['ManagementReviewInputs'];
export type InputSection = ReviewInputs['sections'][number];

/** The 9.3.2 inputs the API compiles for every review. */
export const INPUT_COUNT = 9;
export const REVIEW_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export const OUTPUT_KINDS = ['decision', 'improvement', 'change', 'resource'] as const;
export const OUTPUT_STATUSES = ['open', 'done', 'cancelled'] as const;

export const STATUS_COLOURS: Record<string, string> = {
  planned: 'blue',
  in_progress: 'orange',
  completed: 'teal',
  cancelled: 'gray',
};
export const OUTPUT_STATUS_COLOURS: Record<string, string> = {
  open: 'blue',
  done: 'teal',
  cancelled: 'gray',
};

/** Scheduling a review: when, who chairs and attends, where. */
export const REVIEW_FIELDS: FieldConfig[] = [
  { name: 'title', label: 'Title', type: 'text', required: true, wide: true },
  { name: 'scheduledFor', label: 'Scheduled for', type: 'date', required: true },
  { name: 'location', label: 'Location', type: 'text' },
  { name: 'chairId', label: 'Chair', type: 'record', kind: 'people', nullable: true },
  { name: 'attendeeIds', label: 'Attendees', type: 'records', kind: 'people', wide: true },
];

/** A decision or action of the review (9.3.3); an owner and a due date make it a tracked action. */
export const OUTPUT_FIELDS: FieldConfig[] = [
  { name: 'kind', label: 'Kind', type: 'select', options: enumOptions(OUTPUT_KINDS), required: true },
  { name: 'description', label: 'Decision or action', type: 'textarea', required: true, wide: true },
  {
    name: 'ownerId',
    label: 'Owner',
    type: 'record',
    kind: 'people',
    nullable: true,
    description: 'With a due date, the action is tracked.',
  },
  { name: 'dueDate', label: 'Due', type: 'date', nullable: true },
];
