import type { Executor } from '../../db/database.js';
import type { CertificationTable, ExternalAuditsTable } from '../../db/schema-check-act.js';

export type CertificationRow = CertificationTable;
export type ExternalAuditRow = ExternalAuditsTable;

export function findCertification(db: Executor, frameworkId: string) {
  return db
    .selectFrom('certification')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .executeTakeFirst();
}

export async function insertCertification(db: Executor, row: CertificationRow): Promise<void> {
  await db.insertInto('certification').values(row).execute();
}

export async function updateCertification(
  db: Executor,
  id: string,
  patch: Partial<Omit<CertificationRow, 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('certification').set(patch).where('id', '=', id).execute();
}

export function listExternalAudits(db: Executor, certificationId: string) {
  return db
    .selectFrom('external_audits')
    .selectAll()
    .where('certification_id', '=', certificationId)
    .orderBy('planned_start')
    .orderBy('id')
    .execute();
}

export function findExternalAudit(db: Executor, id: string) {
  return db.selectFrom('external_audits').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertExternalAudit(db: Executor, row: ExternalAuditRow): Promise<void> {
  await db.insertInto('external_audits').values(row).execute();
}

export async function updateExternalAudit(
  db: Executor,
  id: string,
  patch: Partial<Omit<ExternalAuditRow, 'id' | 'certification_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('external_audits').set(patch).where('id', '=', id).execute();
}

export async function deleteExternalAudit(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('external_audits').where('id', '=', id).execute();
}

/** Internal audits and management reviews dated inside [from, to], for the preparation of an external audit. */
export async function scheduledBetween(db: Executor, from: string, to: string) {
  const [audits, reviews] = await Promise.all([
    db
      .selectFrom('audits')
      .select(['id', 'reference', 'title', 'planned_start', 'status', 'completed_at'])
      .where('status', '!=', 'cancelled')
      .where('planned_start', '>=', from)
      .where('planned_start', '<=', to)
      .orderBy('planned_start')
      .execute(),
    db
      .selectFrom('management_reviews')
      .select(['id', 'title', 'scheduled_for', 'held_on', 'status'])
      .where('status', '!=', 'cancelled')
      .where((eb) =>
        eb.or([
          eb.and([eb('scheduled_for', '>=', from), eb('scheduled_for', '<=', to)]),
          eb.and([eb('held_on', '>=', from), eb('held_on', '<=', to)]),
        ]),
      )
      .orderBy('scheduled_for')
      .execute(),
  ]);
  return { audits, reviews };
}
