import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { AuditsTable } from '../../db/schema-check-act.js';
import { type ListQuery, runList } from '../shared/list.js';
import { auditListSpec } from './schema.js';

export type AuditRow = AuditsTable & { lead_name: string | null; programme_name: string | null };
export interface Named {
  id: string;
  name: string;
}

const REFERENCE_LOCK = 420_092;

function base(db: Executor) {
  return db
    .selectFrom('audits')
    .leftJoin('people as lead', 'lead.id', 'audits.lead_auditor_id')
    .leftJoin('audit_programmes as programme', 'programme.id', 'audits.programme_id');
}

const columns = (q: ReturnType<typeof base>) =>
  q.selectAll('audits').select(['lead.name as lead_name', 'programme.name as programme_name']);

export function findAudit(db: Executor, id: string): Promise<AuditRow | undefined> {
  return columns(base(db)).where('audits.id', '=', id).executeTakeFirst();
}

export function listAudits(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<AuditRow>(
    base(db),
    auditListSpec,
    query,
    dialect,
    (q) => columns(q as ReturnType<typeof base>),
    db.selectFrom('audits'),
  );
}

/** IA-<year>-<nn>, sequential within the year; the lock keeps two planners from taking one number. */
export async function nextReference(trx: Transaction<DB>, dialect: Dialect, year: number) {
  await dialect.lockForAppend(trx, REFERENCE_LOCK);
  const last = await trx
    .selectFrom('audits')
    .select((eb) => eb.fn.max('ref_number').as('n'))
    .where('ref_year', '=', year)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  return { year, number, reference: `IA-${year}-${String(number).padStart(2, '0')}` };
}

export async function insertAudit(trx: Transaction<DB>, row: AuditsTable) {
  await trx.insertInto('audits').values(row).execute();
}

export async function updateAudit(trx: Transaction<DB>, id: string, changes: Partial<AuditsTable>) {
  await trx.updateTable('audits').set(changes).where('id', '=', id).execute();
}

export async function deleteAudit(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('audits').where('id', '=', id).execute();
}

export async function replaceTeam(trx: Transaction<DB>, auditId: string, personIds: string[]) {
  await trx.deleteFrom('audit_team').where('audit_id', '=', auditId).execute();
  const unique = [...new Set(personIds)];
  if (unique.length > 0)
    await trx
      .insertInto('audit_team')
      .values(unique.map((person_id) => ({ audit_id: auditId, person_id })))
      .execute();
}

export async function teamsOf(db: Executor, auditIds: string[]): Promise<Map<string, Named[]>> {
  const map = new Map<string, Named[]>();
  if (auditIds.length === 0) return map;
  const rows = await db
    .selectFrom('audit_team as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(['t.audit_id', 'p.id', 'p.name'])
    .where('t.audit_id', 'in', auditIds)
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  for (const row of rows)
    map.set(row.audit_id, [...(map.get(row.audit_id) ?? []), { id: row.id, name: row.name }]);
  return map;
}

export async function namesOf(db: Executor, table: 'people' | 'controls', ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function programmeOf(db: Executor, id: string) {
  return db
    .selectFrom('audit_programmes')
    .select(['id', 'framework_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}
