import { missingInputs, readNotes } from './notes.js';
import type { ReviewAction, ReviewOutput } from './output-schema.js';
import type { ActionRow, OutputRow, ReviewRelations, ReviewRow } from './repository.js';
import type { Review } from './schema.js';

export const isTracked = (row: { owner_id: string | null; due_date: string | null }) =>
  row.owner_id !== null && row.due_date !== null;

export const isOverdueOutput = (row: { status: string; due_date: string | null }, today: string) =>
  row.status === 'open' && row.due_date !== null && row.due_date < today;

export function presentOutput(row: OutputRow, today: string): ReviewOutput {
  return {
    id: row.id,
    reviewId: row.review_id,
    kind: row.kind as ReviewOutput['kind'],
    description: row.description,
    ownerId: row.owner_id,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    dueDate: row.due_date,
    status: row.status as ReviewOutput['status'],
    tracked: isTracked(row),
    overdue: isOverdueOutput(row, today),
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentAction(row: ActionRow, today: string): ReviewAction {
  return {
    ...presentOutput(row, today),
    review: { id: row.review_id, title: row.review_title, heldOn: row.review_held_on },
  };
}

export function presentReview(row: ReviewRow, relations: ReviewRelations, today: string): Review {
  const attendees = relations.attendees
    .filter((a) => a.review_id === row.id)
    .map((a) => ({ id: a.id, name: a.name }));
  const notes = readNotes(row.input_notes);
  const missing = missingInputs(notes);
  return {
    id: row.id,
    title: row.title,
    scheduledFor: row.scheduled_for,
    heldOn: row.held_on,
    status: row.status as Review['status'],
    chairId: row.chair_id,
    chair: row.chair_id ? { id: row.chair_id, name: row.chair_name ?? '' } : null,
    attendeeIds: attendees.map((a) => a.id),
    attendees,
    location: row.location,
    minutes: row.minutes,
    inputNotes: notes,
    inputsCovered: missing.length === 0,
    missingInputs: missing,
    outputs: relations.outputs.filter((o) => o.review_id === row.id).map((o) => presentOutput(o, today)),
    completedAt: row.completed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
