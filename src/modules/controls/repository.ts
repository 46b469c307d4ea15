import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { ControlsTable, DB } from '../../db/schema.js';
import { type ListQuery, runList } from '../shared/list.js';
import { controlListSpec } from './schema.js';

export type ControlRow = ControlsTable & { owner_name: string | null };

const base = (db: Executor) =>
  db.selectFrom('controls').leftJoin('people as owner', 'owner.id', 'controls.owner_id');

export function findControl(db: Executor, id: string): Promise<ControlRow | undefined> {
  return base(db)
    .selectAll('controls')
    .select('owner.name as owner_name')
    .where('controls.id', '=', id)
    .executeTakeFirst();
}

export function listControls(db: Executor, dialect: Dialect, query: ListQuery) {
  const params =
    query.adopted === undefined ? query : { ...query, adopted: dialect.bool(query.adopted === 'true') };
  return runList<ControlRow>(
    base(db),
    controlListSpec,
    params,
    dialect,
    (q) => q.selectAll('controls').select('owner.name as owner_name'),
    db.selectFrom('controls'),
  );
}

export interface ControlLinks {
  mappings: Map<string, Array<{ frameworkId: string; ref: string; relationship: string; rationale: string }>>;
  riskIds: Map<string, string[]>;
  aiSystemIds: Map<string, string[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  map.set(key, [...(map.get(key) ?? []), value]);
}

export async function loadControlLinks(db: Executor, ids: string[]): Promise<ControlLinks> {
  const links: ControlLinks = { mappings: new Map(), riskIds: new Map(), aiSystemIds: new Map() };
  if (ids.length === 0) return links;
  const [mappings, risks, systems] = await Promise.all([
    db
      .selectFrom('control_mappings')
      .innerJoin('requirements', 'requirements.id', 'control_mappings.requirement_id')
      .select([
        'control_mappings.control_id',
        'requirements.framework_id',
        'requirements.ref',
        'requirements.position',
        'control_mappings.relationship',
        'control_mappings.rationale',
      ])
      .where('control_mappings.control_id', 'in', ids)
      .orderBy('requirements.framework_id')
      .orderBy('requirements.position')
      .execute(),
    db.selectFrom('control_risks').selectAll().where('control_id', 'in', ids).orderBy('risk_id').execute(),
    db
      .selectFrom('control_ai_systems')
      .selectAll()
      .where('control_id', 'in', ids)
      .orderBy('ai_system_id')
      .execute(),
  ]);
  for (const m of mappings) {
    push(links.mappings, m.control_id, {
      frameworkId: m.framework_id,
      ref: m.ref,
      relationship: m.relationship,
      rationale: m.rationale,
    });
  }
  for (const r of risks) push(links.riskIds, r.control_id, r.risk_id);
  for (const s of systems) push(links.aiSystemIds, s.control_id, s.ai_system_id);
  return links;
}

export async function replaceControlLinks(
  trx: Transaction<DB>,
  controlId: string,
  links: {
    riskIds?: string[];
    aiSystemIds?: string[];
    mappings?: Array<{ requirementId: string; relationship: string; rationale: string }>;
  },
) {
  if (links.riskIds) {
    await trx.deleteFrom('control_risks').where('control_id', '=', controlId).execute();
    const ids = [...new Set(links.riskIds)];
    if (ids.length > 0)
      await trx
        .insertInto('control_risks')
        .values(ids.map((risk_id) => ({ control_id: controlId, risk_id })))
        .execute();
  }
  if (links.aiSystemIds) {
    await trx.deleteFrom('control_ai_systems').where('control_id', '=', controlId).execute();
    const ids = [...new Set(links.aiSystemIds)];
    if (ids.length > 0) {
      await trx
        .insertInto('control_ai_systems')
        .values(ids.map((ai_system_id) => ({ control_id: controlId, ai_system_id })))
        .execute();
    }
  }
  if (links.mappings) {
    await trx.deleteFrom('control_mappings').where('control_id', '=', controlId).execute();
    const unique = [...new Map(links.mappings.map((m) => [m.requirementId, m])).values()];
    if (unique.length > 0) {
      await trx
        .insertInto('control_mappings')
        .values(
          unique.map((m) => ({
            control_id: controlId,
            requirement_id: m.requirementId,
            relationship: m.relationship,
            rationale: m.rationale,
            source: 'custom',
          })),
        )
        .execute();
    }
  }
}
