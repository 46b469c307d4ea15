import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ManagementReviewOutputsTable, ManagementReviewsTable } from '../../db/schema-check-act.js';
import { type ListQuery, runList } from '../shared/list.js';
import { actionListSpec } from './output-schema.js';
import { reviewListSpec } from './schema.js';

export type ReviewRow = ManagementReviewsTable & { chair_name: string | null };
export type OutputRow = ManagementReviewOutputsTable & { owner_name: string | null };
export type ActionRow = OutputRow & { review_title: string; review_held_on: string | null };
export interface ReviewRelations {
  attendees: Array<{ review_id: string; id: string; name: string }>;
  outputs: OutputRow[];
}

const reviewBase = (db: Executor) =>
  db.selectFrom('management_reviews').leftJoin('people as chair', 'chair.id', 'management_reviews.chair_id');
const reviewColumns = (q: ReturnType<typeof reviewBase>) =>
  q.selectAll('management_reviews').select('chair.name as chair_name');

export function findReview(db: Executor, id: string): Promise<ReviewRow | undefined> {
  return reviewColumns(reviewBase(db)).where('management_reviews.id', '=', id).executeTakeFirst();
}

export function listReviews(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<ReviewRow>(
    reviewBase(db),
    reviewListSpec,
    query,
    dialect,
    (q) => reviewColumns(q as ReturnType<typeof reviewBase>),
    db.selectFrom('management_reviews'),
  );
}

const outputBase = (db: Executor) =>
  db
    .selectFrom('management_review_outputs')
    .leftJoin('people as owner', 'owner.id', 'management_review_outputs.owner_id');

/** Attendees and outputs of several reviews at once, for a page of the list. */
export async function relationsOf(db: Executor, reviewIds: string[]): Promise<ReviewRelations> {
  if (reviewIds.length === 0) return { attendees: [], outputs: [] };
  const [attendees, outputs] = await Promise.all([
    db
      .selectFrom('management_review_attendees as a')
      .innerJoin('people', 'people.id', 'a.person_id')
      .select(['a.review_id', 'people.id', 'people.name'])
      .where('a.review_id', 'in', reviewIds)
      .orderBy('people.name')
      .execute(),
    outputBase(db)
      .selectAll('management_review_outputs')
      .select('owner.name as owner_name')
      .where('management_review_outputs.review_id', 'in', reviewIds)
      .orderBy('management_review_outputs.created_at')
      .orderBy('management_review_outputs.id')
      .execute(),
  ]);
  return { attendees, outputs };
}

export function findOutput(db: Executor, reviewId: string, outputId: string): Promise<OutputRow | undefined> {
  return outputBase(db)
    .selectAll('management_review_outputs')
    .select('owner.name as owner_name')
    .where('management_review_outputs.id', '=', outputId)
    .where('management_review_outputs.review_id', '=', reviewId)
    .executeTakeFirst();
}

const actionBase = (db: Executor) =>
  outputBase(db)
    .innerJoin('management_reviews', 'management_reviews.id', 'management_review_outputs.review_id')
    .where('management_review_outputs.owner_id', 'is not', null)
    .where('management_review_outputs.due_date', 'is not', null);
const actionColumns = (q: ReturnType<typeof actionBase>) =>
  q
    .selectAll('management_review_outputs')
    .select([
      'owner.name as owner_name',
      'management_reviews.title as review_title',
      'management_reviews.held_on as review_held_on',
    ]);

/** Tracked actions (outputs with an owner and a due date) across every review. */
export function listActions(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<ActionRow>(actionBase(db), actionListSpec, query, dialect, (q) =>
    actionColumns(q as ReturnType<typeof actionBase>),
  );
}

/** One person's open tracked actions due by `until` (overdue ones included), soonest first. */
export function openActionsOf(db: Executor, personId: string, until: string): Promise<ActionRow[]> {
  return actionColumns(actionBase(db))
    .where('management_review_outputs.owner_id', '=', personId)
    .where('management_review_outputs.status', '=', 'open')
    .where('management_review_outputs.due_date', '<=', until)
    .orderBy('management_review_outputs.due_date')
    .execute() as Promise<ActionRow[]>;
}
