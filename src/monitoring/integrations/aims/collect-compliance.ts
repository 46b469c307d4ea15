import type { Db, Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import { evaluateFramework } from '../../../modules/frameworks/evaluate-framework.js';
import { controlFacts } from '../../../modules/frameworks/repository.js';
import type { CollectedResource } from '../integration.js';
import { type OwnerIndex, ownerOf } from './links.js';

const ISO_42001 = 'iso-42001-2023';

export async function collectControls(
  db: Executor,
  owners: OwnerIndex,
  today: string,
): Promise<CollectedResource[]> {
  const [rows, facts, mappings, inScope, latest] = await Promise.all([
    db.selectFrom('controls').selectAll().orderBy('id').execute(),
    controlFacts(db, today),
    db.selectFrom('control_mappings').select(['control_id', 'requirement_id']).execute(),
    db.selectFrom('frameworks').select(['id', 'in_scope']).execute(),
    db
      .selectFrom('evidence_controls')
      .innerJoin('evidence', 'evidence.id', 'evidence_controls.evidence_id')
      .select(['evidence_controls.control_id', (eb) => eb.fn.max('evidence.collected_at').as('latest')])
      .groupBy('evidence_controls.control_id')
      .execute(),
  ]);
  const factOf = new Map(facts.map((f) => [f.id, f]));
  const latestOf = new Map(latest.map((l) => [l.control_id, (l.latest as string | null) ?? null]));
  const scoped = new Set(inScope.filter((f) => readBool(f.in_scope)).map((f) => f.id));
  const refs = new Map<string, string[]>();
  for (const m of mappings) refs.set(m.control_id, [...(refs.get(m.control_id) ?? []), m.requirement_id]);
  return rows.map((row) => {
    const requirements = (refs.get(row.id) ?? []).sort();
    const fact = factOf.get(row.id);
    return {
      type: 'control',
      externalId: row.id,
      name: row.name,
      attributes: {
        source: row.source,
        domain: row.domain,
        adopted: readBool(row.adopted),
        status: row.status,
        ...ownerOf(owners, row.owner_id),
        frequency: row.frequency,
        evidenceRequired: readBool(row.evidence_required),
        evidenceCount: fact?.evidenceCount ?? 0,
        freshEvidenceCount: fact?.validEvidence ?? 0,
        latestEvidenceAt: latestOf.get(row.id) ?? null,
        lastReviewedAt: row.last_reviewed_at,
        nextReviewDue: row.next_review_due,
        requirements,
        frameworks: [...new Set(requirements.map((r) => r.split(':')[0] ?? ''))].sort(),
        annexA: scoped.has(ISO_42001)
          ? requirements
              .filter((r) => r.startsWith(`${ISO_42001}:A.`))
              .map((r) => r.slice(ISO_42001.length + 1))
          : [],
        implementationNotes: row.implementation_notes,
        updatedAt: row.updated_at,
      },
    };
  });
}

export async function collectEvidence(
  db: Executor,
  owners: OwnerIndex,
  today: string,
): Promise<CollectedResource[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('evidence').selectAll().orderBy('id').execute(),
    db.selectFrom('evidence_controls').select(['evidence_id', 'control_id']).execute(),
  ]);
  const controlsOf = new Map<string, string[]>();
  for (const l of links)
    controlsOf.set(l.evidence_id, [...(controlsOf.get(l.evidence_id) ?? []), l.control_id]);
  return rows.map((row) => ({
    type: 'evidence',
    externalId: row.id,
    name: row.title,
    attributes: {
      description: row.description,
      kind: row.kind,
      ...ownerOf(owners, row.owner_id),
      latestVersion: row.latest_version,
      collectedAt: row.collected_at,
      validUntil: row.valid_until,
      expired: row.valid_until !== null && row.valid_until < today,
      controlIds: (controlsOf.get(row.id) ?? []).sort(),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
  }));
}

export async function collectSoa(db: Executor): Promise<CollectedResource[]> {
  const frameworks = await db
    .selectFrom('frameworks')
    .select(['id', 'name', 'in_scope'])
    .orderBy('id')
    .execute();
  const result: CollectedResource[] = [];
  for (const framework of frameworks) {
    const [controls, entries, latest] = await Promise.all([
      db
        .selectFrom('requirements')
        .select('id')
        .where('framework_id', '=', framework.id)
        .where('kind', '=', 'control')
        .execute(),
      db.selectFrom('soa_entries').selectAll().where('requirement_id', 'like', `${framework.id}:%`).execute(),
      db
        .selectFrom('soa_versions')
        .selectAll()
        .where('framework_id', '=', framework.id)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    if (controls.length === 0) continue;
    const excluded = entries.filter((e) => !readBool(e.applicable));
    const approvedRows = latest
      ? (JSON.parse(latest.snapshot) as Array<{ ref: string; applicable: boolean; justification: string }>)
      : [];
    const approvedOf = new Map(approvedRows.map((r) => [`${framework.id}:${r.ref}`, r]));
    const drift = entries.some((e) => {
      const approved = approvedOf.get(e.requirement_id);
      return (
        !approved ||
        approved.applicable !== readBool(e.applicable) ||
        approved.justification !== e.justification
      );
    });
    result.push({
      type: 'soa',
      externalId: framework.id,
      name: `Statement of Applicability — ${framework.name}`,
      attributes: {
        frameworkId: framework.id,
        inScope: readBool(framework.in_scope),
        controlCount: controls.length,
        excludedCount: excluded.length,
        unjustifiedExclusions: excluded.filter((e) => e.justification.trim() === '').length,
        approvedVersion: latest?.version ?? null,
        approvedAt: latest?.approved_at ?? null,
        approvedBy: latest?.approved_by ?? null,
        approvedRowCount: approvedRows.length,
        draftChangedSinceApproval: latest ? drift : entries.length > 0,
      },
    });
  }
  return result;
}

export async function collectFrameworks(db: Db, today: string): Promise<CollectedResource[]> {
  const frameworks = await db.kysely.selectFrom('frameworks').selectAll().orderBy('id').execute();
  const controls = await controlFacts(db.kysely, today);
  const result: CollectedResource[] = [];
  for (const framework of frameworks) {
    const inScope = readBool(framework.in_scope);
    const readiness = inScope ? (await evaluateFramework(db, framework.id, { controls })).readiness : null;
    const counts = readiness?.counts ?? { met: 0, partial: 0, not_met: 0, not_applicable: 0 };
    result.push({
      type: 'framework',
      externalId: framework.id,
      name: framework.name,
      attributes: {
        shortName: framework.short_name,
        inScope,
        readinessPercent: readiness?.percent ?? 0,
        requirementCount: readiness?.assessed ?? 0,
        metCount: counts.met,
        notMetCount: counts.not_met,
        partialCount: counts.partial,
      },
    });
  }
  return result;
}
