import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';

export interface OwnerIndex {
  people: Map<string, { name: string; active: boolean }>;
}

export function ownerOf(index: OwnerIndex, ownerId: string | null) {
  const person = ownerId ? index.people.get(ownerId) : undefined;
  return { ownerId, ownerName: person?.name ?? null, ownerActive: person?.active ?? false };
}

export function parseList(text: string): string[] {
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? value.map(String) : [];
}

function group(rows: Array<{ a: string; b: string }>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { a, b } of rows) map.set(a, [...(map.get(a) ?? []), b]);
  for (const list of map.values()) list.sort();
  return map;
}

/** Every many-to-many link between registers, read once per collection, in both directions. */
export async function loadLinks(db: Executor) {
  const [sd, sv, rs, cs, cr, systems, datasets] = await Promise.all([
    db.selectFrom('ai_system_datasets').select(['ai_system_id as a', 'target_id as b']).execute(),
    db.selectFrom('ai_system_vendors').select(['ai_system_id as a', 'target_id as b']).execute(),
    db.selectFrom('risk_ai_systems').select(['ai_system_id as a', 'risk_id as b']).execute(),
    db.selectFrom('control_ai_systems').select(['ai_system_id as a', 'control_id as b']).execute(),
    db.selectFrom('control_risks').select(['risk_id as a', 'control_id as b']).execute(),
    db.selectFrom('ai_systems').select(['id', 'lifecycle_stage']).execute(),
    db.selectFrom('datasets').select(['id', 'personal_data_categories']).execute(),
  ]);
  const flip = (rows: Array<{ a: string; b: string }>) => rows.map(({ a, b }) => ({ a: b, b: a }));
  const personalDatasets = new Set(
    datasets.filter((d) => parseList(d.personal_data_categories).length > 0).map((d) => d.id),
  );
  return {
    datasetsOfSystem: group(sd),
    systemsOfDataset: group(flip(sd)),
    vendorsOfSystem: group(sv),
    systemsOfVendor: group(flip(sv)),
    risksOfSystem: group(rs),
    systemsOfRisk: group(flip(rs)),
    controlsOfSystem: group(cs),
    controlsOfRisk: group(cr),
    deployedSystems: new Set(systems.filter((s) => s.lifecycle_stage === 'deployed').map((s) => s.id)),
    systemsWithPersonalData: new Set(sd.filter(({ b }) => personalDatasets.has(b)).map(({ a }) => a)),
  };
}

export type Links = Awaited<ReturnType<typeof loadLinks>>;

export async function loadOwners(db: Executor): Promise<OwnerIndex> {
  const people = await db.selectFrom('people').select(['id', 'name', 'active']).execute();
  return { people: new Map(people.map((p) => [p.id, { name: p.name, active: readBool(p.active) }])) };
}
