import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { CorrectiveActionsTable } from '../../db/schema-check-act.js';
import { type ListQuery, runList } from '../shared/list.js';
import { actionListSpec } from './action-schema.js';
import { UNFINISHED_ACTION } from './filters.js';

export type ActionRow = CorrectiveActionsTable & {
  owner_name: string | null;
  nc_reference: string | null;
  nc_title: string | null;
  incident_reference: string | null;
  incident_title: string | null;
};

const REFERENCE_LOCK = 420_101;

function base(db: Executor) {
  return db
    .selectFrom('corrective_actions')
    .leftJoin('people as owner', 'owner.id', 'corrective_actions.owner_id')
    .leftJoin('nonconformities as nc', 'nc.id', 'corrective_actions.nonconformity_id')
    .leftJoin('incidents as inc', 'inc.id', 'corrective_actions.incident_id');
}

const withNames = (q: ReturnType<typeof base>) =>
  q
    .selectAll('corrective_actions')
    .select([
      'owner.name as owner_name',
      'nc.reference as nc_reference',
      'nc.title as nc_title',
      'inc.reference as incident_reference',
      'inc.title as incident_title',
    ]);

export function findAction(db: Executor, id: string): Promise<ActionRow | undefined> {
  return withNames(base(db)).where('corrective_actions.id', '=', id).executeTakeFirst();
}

export function listActions(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<ActionRow>(
    base(db),
    actionListSpec,
    query,
    dialect,
    (q) => withNames(q as ReturnType<typeof base>),
    db.selectFrom('corrective_actions'),
  );
}

/** Every action of the given nonconformities and incidents, soonest due first. */
export function actionsFor(db: Executor, gaps: { ncIds: string[]; incidentIds: string[] }) {
  if (gaps.ncIds.length === 0 && gaps.incidentIds.length === 0) return Promise.resolve([] as ActionRow[]);
  return withNames(base(db))
    .where((eb) =>
      eb.or([
        ...(gaps.ncIds.length > 0 ? [eb('corrective_actions.nonconformity_id', 'in', gaps.ncIds)] : []),
        ...(gaps.incidentIds.length > 0
          ? [eb('corrective_actions.incident_id', 'in', gaps.incidentIds)]
          : []),
      ]),
    )
    .orderBy('corrective_actions.due_date')
    .orderBy('corrective_actions.reference')
    .execute();
}

/** Incidents not yet closed that have corrective actions: gaps of the plan beside the nonconformities. */
export function incidentsWithActions(db: Executor) {
  return db
    .selectFrom('incidents')
    .leftJoin('people as owner', 'owner.id', 'incidents.owner_id')
    .select([
      'incidents.id',
      'incidents.reference',
      'incidents.title',
      'incidents.severity',
      'incidents.status',
      'incidents.root_cause',
      'incidents.owner_id',
      'owner.name as owner_name',
    ])
    .where('incidents.status', '<>', 'closed')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('corrective_actions as ca')
          .select('ca.id')
          .whereRef('ca.incident_id', '=', 'incidents.id'),
      ),
    )
    .orderBy('incidents.detected_at')
    .execute();
}

/** CA-<year>-<nnn>, sequential within the year. */
export async function nextActionReference(trx: Transaction<DB>, dialect: Dialect, year: number) {
  await dialect.lockForAppend(trx, REFERENCE_LOCK);
  const last = await trx
    .selectFrom('corrective_actions')
    .select((eb) => eb.fn.max('ref_number').as('n'))
    .where('ref_year', '=', year)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  return { year, number, reference: `CA-${year}-${String(number).padStart(3, '0')}` };
}

export async function insertAction(trx: Transaction<DB>, row: CorrectiveActionsTable) {
  await trx.insertInto('corrective_actions').values(row).execute();
}

export async function updateAction(
  trx: Transaction<DB>,
  id: string,
  changes: Partial<CorrectiveActionsTable>,
) {
  await trx.updateTable('corrective_actions').set(changes).where('id', '=', id).execute();
}

export async function deleteAction(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('corrective_actions').where('id', '=', id).execute();
}

/** The facts the status of a nonconformity follows: its actions' states and completion times. */
export function actionFactsOf(db: Executor, ncIds: string[]) {
  if (ncIds.length === 0)
    return Promise.resolve(
      [] as Array<Pick<ActionRow, 'nonconformity_id' | 'status' | 'due_date' | 'completed_at'>>,
    );
  return db
    .selectFrom('corrective_actions')
    .select(['nonconformity_id', 'status', 'due_date', 'completed_at'])
    .where('nonconformity_id', 'in', ncIds)
    .execute();
}

/** Unfinished actions a person owns, due by `until` (overdue ones included). */
export function dueActionsOf(db: Executor, personId: string, until: string) {
  return withNames(base(db))
    .where('corrective_actions.owner_id', '=', personId)
    .where('corrective_actions.status', 'in', UNFINISHED_ACTION)
    .where('corrective_actions.due_date', '<=', until)
    .orderBy('corrective_actions.due_date')
    .execute();
}
