import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { IncidentsTable } from '../../db/schema-incidents.js';
import { type ListQuery, runList } from '../shared/list.js';
import { incidentListSpec } from './schema.js';

export type IncidentRow = IncidentsTable & { owner_name: string | null };
export interface LinkedSystem {
  id: string;
  name: string;
  riskTier: string;
}

const REFERENCE_LOCK = 420_080;

function base(db: Executor) {
  return db.selectFrom('incidents').leftJoin('people as owner', 'owner.id', 'incidents.owner_id');
}

export function findIncident(db: Executor, id: string): Promise<IncidentRow | undefined> {
  return base(db)
    .selectAll('incidents')
    .select('owner.name as owner_name')
    .where('incidents.id', '=', id)
    .executeTakeFirst();
}

export function listIncidents(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<IncidentRow>(
    base(db),
    incidentListSpec,
    query,
    dialect,
    (q) => q.selectAll('incidents').select('owner.name as owner_name'),
    db.selectFrom('incidents'),
  );
}

/** INC-<year>-<nnn>, sequential within the year; the lock keeps two reports from taking one number. */
export async function nextReference(trx: Transaction<DB>, dialect: Dialect, year: number) {
  await dialect.lockForAppend(trx, REFERENCE_LOCK);
  const last = await trx
    .selectFrom('incidents')
    .select((eb) => eb.fn.max('ref_number').as('n'))
    .where('ref_year', '=', year)
    .executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  return { year, number, reference: `INC-${year}-${String(number).padStart(3, '0')}` };
}

export async function insertIncident(trx: Transaction<DB>, row: IncidentsTable) {
  await trx.insertInto('incidents').values(row).execute();
}

export async function updateIncident(trx: Transaction<DB>, id: string, changes: Partial<IncidentsTable>) {
  await trx.updateTable('incidents').set(changes).where('id', '=', id).execute();
}

export async function deleteIncident(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('incidents').where('id', '=', id).execute();
}

export async function replaceSystems(trx: Transaction<DB>, incidentId: string, systemIds: string[]) {
  await trx.deleteFrom('incident_ai_systems').where('incident_id', '=', incidentId).execute();
  const unique = [...new Set(systemIds)];
  if (unique.length > 0)
    await trx
      .insertInto('incident_ai_systems')
      .values(unique.map((ai_system_id) => ({ incident_id: incidentId, ai_system_id })))
      .execute();
}

/** The affected AI systems of each incident, with the risk tier that decides Art. 73. */
export async function systemsOf(db: Executor, incidentIds: string[]): Promise<Map<string, LinkedSystem[]>> {
  const map = new Map<string, LinkedSystem[]>();
  if (incidentIds.length === 0) return map;
  const rows = await db
    .selectFrom('incident_ai_systems as l')
    .innerJoin('ai_systems as s', 's.id', 'l.ai_system_id')
    .select(['l.incident_id', 's.id', 's.name', 's.risk_tier'])
    .where('l.incident_id', 'in', incidentIds)
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
  for (const row of rows)
    map.set(row.incident_id, [
      ...(map.get(row.incident_id) ?? []),
      { id: row.id, name: row.name, riskTier: row.risk_tier },
    ]);
  return map;
}

export async function riskTiersOf(db: Executor, systemIds: string[]): Promise<string[]> {
  if (systemIds.length === 0) return [];
  const rows = await db.selectFrom('ai_systems').select('risk_tier').where('id', 'in', systemIds).execute();
  return rows.map((r) => r.risk_tier);
}
