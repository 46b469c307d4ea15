import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { AuditProgrammesTable } from '../../db/schema-check-act.js';
import { type ListQuery, runList } from '../shared/list.js';
import { programmeListSpec } from './programme-schema.js';

export type ProgrammeRow = AuditProgrammesTable & {
  owner_name: string | null;
  approver_name: string | null;
  audit_count: number | string;
};

function base(db: Executor) {
  return db
    .selectFrom('audit_programmes')
    .leftJoin('people as owner', 'owner.id', 'audit_programmes.owner_id')
    .leftJoin('people as approver', 'approver.id', 'audit_programmes.approved_by');
}

function withColumns(query: ReturnType<typeof base>) {
  return query
    .selectAll('audit_programmes')
    .select(['owner.name as owner_name', 'approver.name as approver_name'])
    .select((eb) =>
      eb
        .selectFrom('audits')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('audits.programme_id', '=', 'audit_programmes.id')
        .as('audit_count'),
    );
}

export async function findProgramme(db: Executor, id: string): Promise<ProgrammeRow | undefined> {
  return (await withColumns(base(db)).where('audit_programmes.id', '=', id).executeTakeFirst()) as
    | ProgrammeRow
    | undefined;
}

export function listProgrammes(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<ProgrammeRow>(
    base(db),
    programmeListSpec,
    query,
    dialect,
    (q) => withColumns(q as ReturnType<typeof base>),
    db.selectFrom('audit_programmes'),
  );
}

export async function insertProgramme(trx: Transaction<DB>, row: AuditProgrammesTable) {
  await trx.insertInto('audit_programmes').values(row).execute();
}

export async function updateProgramme(
  trx: Transaction<DB>,
  id: string,
  changes: Partial<AuditProgrammesTable>,
) {
  await trx.updateTable('audit_programmes').set(changes).where('id', '=', id).execute();
}

export async function deleteProgramme(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('audit_programmes').where('id', '=', id).execute();
}

export async function frameworkExists(db: Executor, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('frameworks').select('id').where('id', '=', id).executeTakeFirst());
}
