import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB, EvidenceTable, EvidenceVersionsTable } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { evidenceListSpec } from './schema.js';

export type EvidenceRow = EvidenceTable & { owner_name: string | null };

const base = (db: Executor) =>
  db.selectFrom('evidence').leftJoin('people as owner', 'owner.id', 'evidence.owner_id');

export function findEvidence(db: Executor, id: string): Promise<EvidenceRow | undefined> {
  return base(db)
    .selectAll('evidence')
    .select('owner.name as owner_name')
    .where('evidence.id', '=', id)
    .executeTakeFirst();
}

export function listEvidence(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<EvidenceRow>(
    base(db),
    evidenceListSpec,
    query,
    dialect,
    (q) => q.selectAll('evidence').select('owner.name as owner_name'),
    db.selectFrom('evidence'),
  );
}

export async function controlIdsOf(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('evidence_controls')
    .selectAll()
    .where('evidence_id', 'in', ids)
    .orderBy('control_id')
    .execute();
  for (const row of rows) map.set(row.evidence_id, [...(map.get(row.evidence_id) ?? []), row.control_id]);
  return map;
}

export async function latestVersions(
  db: Executor,
  rows: EvidenceRow[],
): Promise<Map<string, EvidenceVersionsTable>> {
  const wanted = rows.filter((r) => r.latest_version > 0);
  if (wanted.length === 0) return new Map();
  const versions = await db
    .selectFrom('evidence_versions')
    .selectAll()
    .where((eb) =>
      eb.or(wanted.map((r) => eb.and([eb('evidence_id', '=', r.id), eb('version', '=', r.latest_version)]))),
    )
    .execute();
  return new Map(versions.map((v) => [v.evidence_id, v]));
}

export function versionsOf(db: Executor, evidenceId: string) {
  return db
    .selectFrom('evidence_versions')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .orderBy('version', 'desc')
    .execute();
}

export function findVersion(db: Executor, evidenceId: string, version: number) {
  return db
    .selectFrom('evidence_versions')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function replaceEvidenceControls(
  trx: Transaction<DB>,
  evidenceId: string,
  controlIds: string[],
) {
  await trx.deleteFrom('evidence_controls').where('evidence_id', '=', evidenceId).execute();
  const unique = [...new Set(controlIds)];
  if (unique.length > 0) {
    await trx
      .insertInto('evidence_controls')
      .values(unique.map((control_id) => ({ evidence_id: evidenceId, control_id })))
      .execute();
  }
}
