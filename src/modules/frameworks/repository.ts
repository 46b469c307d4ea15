import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { readBool } from '../../db/dialect.js';
import type { MappingEdge } from './status.js';

export function listFrameworks(db: Executor) {
  return db
    .selectFrom('frameworks')
    .selectAll('frameworks')
    .select((eb) =>
      eb
        .selectFrom('requirements')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('requirements.framework_id', '=', 'frameworks.id')
        .as('requirement_count'),
    )
    .orderBy('frameworks.name')
    .execute();
}

export function findFramework(db: Executor, id: string) {
  return db.selectFrom('frameworks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function requirementsOf(db: Executor, frameworkId: string) {
  return db
    .selectFrom('requirements')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .orderBy('position')
    .execute();
}

export function findRequirement(db: Executor, frameworkId: string, ref: string) {
  return db
    .selectFrom('requirements')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .where('ref', '=', ref)
    .executeTakeFirst();
}

/** Mappings from adopted controls to one framework's requirements. */
export async function mappingEdges(
  db: Executor,
  dialect: Dialect,
  frameworkId: string,
): Promise<MappingEdge[]> {
  const rows = await db
    .selectFrom('control_mappings')
    .innerJoin('controls', 'controls.id', 'control_mappings.control_id')
    .innerJoin('requirements', 'requirements.id', 'control_mappings.requirement_id')
    .select([
      'control_mappings.control_id',
      'control_mappings.requirement_id',
      'control_mappings.relationship',
    ])
    .where('requirements.framework_id', '=', frameworkId)
    .where('controls.adopted', '=', dialect.bool(true))
    .execute();
  return rows.map((r) => ({
    controlId: r.control_id,
    requirementId: r.requirement_id,
    relationship: r.relationship,
  }));
}

export interface ControlFacts {
  id: string;
  adopted: boolean;
  status: string;
  evidenceRequired: boolean;
  ownerActive: boolean;
  validEvidence: number;
  evidenceCount: number;
  /** Enabled tests mapped to the control that need attention or error. */
  testsFailing: number;
  testsOk: number;
}

/** What decides whether each control is operating: one pass over the evidence links, grouped per control. */
export async function controlFacts(db: Executor, today: string, ids?: string[]): Promise<ControlFacts[]> {
  const evidence = db
    .selectFrom('evidence_controls')
    .innerJoin('evidence', 'evidence.id', 'evidence_controls.evidence_id')
    .select((eb) => [
      'evidence_controls.control_id',
      eb.fn.countAll<number>().as('evidence_count'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([
                eb('evidence.latest_version', '>', 0),
                eb.or([eb('evidence.valid_until', 'is', null), eb('evidence.valid_until', '>=', today)]),
              ]),
            )
            .then(1)
            .else(0)
            .end(),
        )
        .as('valid_evidence'),
    ])
    .groupBy('evidence_controls.control_id')
    .as('ev');
  let query = db
    .selectFrom('controls')
    .leftJoin('people as owner', 'owner.id', 'controls.owner_id')
    .leftJoin(evidence, 'ev.control_id', 'controls.id')
    .select([
      'controls.id',
      'controls.adopted',
      'controls.status',
      'controls.evidence_required',
      'owner.active as owner_active',
      'ev.valid_evidence',
      'ev.evidence_count',
    ]);
  if (ids) query = query.where('controls.id', 'in', ids.length > 0 ? ids : ['']);
  const [rows, tests] = await Promise.all([
    query.execute(),
    db
      .selectFrom('test_controls')
      .innerJoin('tests', 'tests.id', 'test_controls.test_id')
      .select(['test_controls.control_id', 'tests.status'])
      .where('tests.status', 'in', ['ok', 'needs_attention', 'error'])
      .execute(),
  ]);
  const testCounts = new Map<string, { failing: number; ok: number }>();
  for (const t of tests) {
    const counts = testCounts.get(t.control_id) ?? { failing: 0, ok: 0 };
    if (t.status === 'ok') counts.ok += 1;
    else counts.failing += 1;
    testCounts.set(t.control_id, counts);
  }
  return rows.map((r) => ({
    id: r.id,
    adopted: readBool(r.adopted),
    status: r.status,
    evidenceRequired: readBool(r.evidence_required),
    ownerActive: readBool(r.owner_active),
    validEvidence: Number(r.valid_evidence ?? 0),
    evidenceCount: Number(r.evidence_count ?? 0),
    testsFailing: testCounts.get(r.id)?.failing ?? 0,
    testsOk: testCounts.get(r.id)?.ok ?? 0,
  }));
}

export async function exclusions(
  db: Executor,
  dialect: Dialect,
  frameworkId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('soa_entries')
    .innerJoin('requirements', 'requirements.id', 'soa_entries.requirement_id')
    .select(['soa_entries.requirement_id', 'soa_entries.justification'])
    .where('requirements.framework_id', '=', frameworkId)
    .where('soa_entries.applicable', '=', dialect.bool(false))
    .execute();
  return new Map(rows.map((r) => [r.requirement_id, r.justification]));
}

export async function confirmations(db: Executor, frameworkId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('coverage_confirmations')
    .select('requirement_id')
    .where('requirement_id', 'like', `${frameworkId}:%`)
    .execute();
  return new Set(rows.map((r) => r.requirement_id));
}

/** The operator roles and risk tiers present among AI systems that are not retired. */
export async function registerProfile(db: Executor): Promise<Array<{ role: string; tier: string }>> {
  const rows = await db
    .selectFrom('ai_systems')
    .select(['organisation_role', 'risk_tier'])
    .distinct()
    .where('lifecycle_stage', '<>', 'retired')
    .execute();
  return rows.map((r) => ({ role: r.organisation_role, tier: r.risk_tier }));
}

/** Cross-framework links of the given requirements, in both directions. */
export function frameworkMappingsOf(db: Executor, requirementIds: string[]) {
  const ids = requirementIds.length > 0 ? requirementIds : [''];
  return db
    .selectFrom('framework_mappings')
    .selectAll()
    .where((eb) => eb.or([eb('from_requirement_id', 'in', ids), eb('to_requirement_id', 'in', ids)]))
    .execute();
}

export async function adoptControlsFor(
  db: Executor,
  dialect: Dialect,
  frameworkId: string,
  now: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('controls')
    .select('controls.id')
    .where('controls.adopted', '=', dialect.bool(false))
    .where('controls.source', '=', 'library')
    .where('controls.id', 'in', (eb) =>
      eb
        .selectFrom('control_mappings')
        .innerJoin('requirements', 'requirements.id', 'control_mappings.requirement_id')
        .select('control_mappings.control_id')
        .where('requirements.framework_id', '=', frameworkId),
    )
    .execute();
  const ids = rows.map((r) => r.id);
  if (ids.length > 0) {
    await db
      .updateTable('controls')
      .set({ adopted: dialect.bool(true), updated_at: now })
      .where('id', 'in', ids)
      .execute();
  }
  return ids;
}
