import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { EffectivenessChecksTable, NonconformitiesTable } from '../../db/schema-check-act.js';
import { type ListQuery, runList } from '../shared/list.js';
import { nonconformityListSpec } from './schema.js';

export type NonconformityRow = Selectable<NonconformitiesTable> & {
  owner_name: string | null;
  requirement_ref: string | null;
  requirement_title: string | null;
};
export type CheckRow = EffectivenessChecksTable & { checker_name: string | null };

const REFERENCE_LOCK = 420_100;

function base(db: Executor) {
  return db
    .selectFrom('nonconformities')
    .leftJoin('people as owner', 'owner.id', 'nonconformities.owner_id')
    .leftJoin('requirements as req', 'req.id', 'nonconformities.requirement_id');
}

const withNames = (q: ReturnType<typeof base>) =>
  q
    .selectAll('nonconformities')
    .select(['owner.name as owner_name', 'req.ref as requirement_ref', 'req.title as requirement_title']);

export function findNonconformity(db: Executor, id: string): Promise<NonconformityRow | undefined> {
  return withNames(base(db)).where('nonconformities.id', '=', id).executeTakeFirst();
}

export function listNonconformities(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<NonconformityRow>(
    base(db),
    nonconformityListSpec,
    query,
    dialect,
    (q) => withNames(q as ReturnType<typeof base>),
    db.selectFrom('nonconformities'),
  );
}

/** Nonconformities still being worked on (the gaps of the corrective action plan), oldest first. */
export function activeNonconformities(db: Executor): Promise<NonconformityRow[]> {
  return withNames(base(db))
    .where('nonconformities.status', 'not in', ['closed', 'cancelled'])
    .orderBy('nonconformities.raised_on')
    .orderBy('nonconformities.reference')
    .execute();
}

/** NC-<year>-<nnn>, sequential within the year; the lock keeps two writers from taking one number. */
export async function nextReference(trx: Transaction<DB>, dialect: Dialect, year: number) {
  await dialect.lockForAppend(trx, REFERENCE_LOCK);
  const last = await trx
    .selectFrom('nonconformities')
    .select((eb) => eb.fn.max('ref_number').as('n'))
    .where('ref_year', '=', year)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  return { year, number, reference: `NC-${year}-${String(number).padStart(3, '0')}` };
}

export async function insertNonconformity(trx: Transaction<DB>, row: Insertable<NonconformitiesTable>) {
  await trx.insertInto('nonconformities').values(row).execute();
}

export async function updateNonconformity(
  trx: Transaction<DB>,
  id: string,
  changes: Updateable<NonconformitiesTable>,
) {
  await trx.updateTable('nonconformities').set(changes).where('id', '=', id).execute();
}

export async function deleteNonconformity(trx: Transaction<DB>, id: string) {
  // The finding can be raised again once its nonconformity is gone.
  await trx
    .updateTable('audit_findings')
    .set({ nonconformity_id: null })
    .where('nonconformity_id', '=', id)
    .execute();
  await trx.deleteFrom('nonconformities').where('id', '=', id).execute();
}

/** Effectiveness checks per nonconformity, oldest first. */
export async function checksOf(db: Executor, ncIds: string[]): Promise<Map<string, CheckRow[]>> {
  const map = new Map<string, CheckRow[]>();
  if (ncIds.length === 0) return map;
  const rows = await db
    .selectFrom('effectiveness_checks as c')
    .leftJoin('people as p', 'p.id', 'c.checker_id')
    .selectAll('c')
    .select('p.name as checker_name')
    .where('c.nonconformity_id', 'in', ncIds)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  for (const row of rows) map.set(row.nonconformity_id, [...(map.get(row.nonconformity_id) ?? []), row]);
  return map;
}

export async function insertCheck(trx: Transaction<DB>, row: EffectivenessChecksTable) {
  await trx.insertInto('effectiveness_checks').values(row).execute();
}

export async function updateCheck(
  trx: Transaction<DB>,
  id: string,
  changes: Partial<EffectivenessChecksTable>,
) {
  await trx.updateTable('effectiveness_checks').set(changes).where('id', '=', id).execute();
}

/** Unrecorded checks a person is to make, planned for `until` or earlier. */
export function pendingChecksOf(db: Executor, personId: string, until: string) {
  return db
    .selectFrom('effectiveness_checks as c')
    .innerJoin('nonconformities as nc', 'nc.id', 'c.nonconformity_id')
    .select(['c.id', 'c.planned_for', 'nc.id as nc_id', 'nc.reference', 'nc.title'])
    .where('c.checker_id', '=', personId)
    .where('c.result', 'is', null)
    .where('c.planned_for', '<=', until)
    .where('nc.status', 'not in', ['closed', 'cancelled'])
    .orderBy('c.planned_for')
    .execute();
}

/** Minor and major findings not yet raised as nonconformities, oldest first. */
export function unraisedFindings(db: Executor) {
  return db
    .selectFrom('audit_findings')
    .select(['id', 'type', 'description', 'requirement_id'])
    .where('type', 'in', ['minor_nc', 'major_nc'])
    .where('nonconformity_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
