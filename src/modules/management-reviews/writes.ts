import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ManagementReviewOutputsTable, ManagementReviewsTable } from '../../db/schema-check-act.js';

type ReviewChanges = Partial<Omit<ManagementReviewsTable, 'id' | 'created_at'>>;
type OutputChanges = Partial<Omit<ManagementReviewOutputsTable, 'id' | 'review_id' | 'created_at'>>;

/** The writes of reviews and their outputs, always inside the caller's transaction. */
export async function insertReview(trx: Transaction<DB>, row: ManagementReviewsTable) {
  await trx.insertInto('management_reviews').values(row).execute();
}

export async function updateReview(trx: Transaction<DB>, id: string, changes: ReviewChanges) {
  await trx.updateTable('management_reviews').set(changes).where('id', '=', id).execute();
}

export async function deleteReview(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('management_reviews').where('id', '=', id).execute();
}

export async function insertOutput(trx: Transaction<DB>, row: ManagementReviewOutputsTable) {
  await trx.insertInto('management_review_outputs').values(row).execute();
}

export async function updateOutput(trx: Transaction<DB>, id: string, changes: OutputChanges) {
  await trx.updateTable('management_review_outputs').set(changes).where('id', '=', id).execute();
}

export async function deleteOutput(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('management_review_outputs').where('id', '=', id).execute();
}

/** Attendance is replaced as a whole: the list given is who attended. */
export async function replaceAttendees(trx: Transaction<DB>, reviewId: string, personIds: string[]) {
  await trx.deleteFrom('management_review_attendees').where('review_id', '=', reviewId).execute();
  const unique = [...new Set(personIds)];
  if (unique.length > 0)
    await trx
      .insertInto('management_review_attendees')
      .values(unique.map((person_id) => ({ review_id: reviewId, person_id })))
      .execute();
}
