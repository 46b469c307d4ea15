import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import type { CollectedResource } from '../integration.js';
import { type OwnerIndex, ownerOf } from './links.js';

export async function collectContext(db: Executor, owners: OwnerIndex): Promise<CollectedResource[]> {
  const [issues, parties] = await Promise.all([
    db.selectFrom('context_issues').selectAll().orderBy('id').execute(),
    db.selectFrom('interested_parties').selectAll().orderBy('id').execute(),
  ]);
  return [
    ...issues.map((i) => ({
      type: 'context-issue',
      externalId: i.id,
      name: i.title,
      attributes: {
        kind: i.kind,
        category: i.category,
        effect: i.effect,
        description: i.description,
        ...ownerOf(owners, i.owner_id),
        updatedAt: i.updated_at,
      },
    })),
    ...parties.map((p) => ({
      type: 'interested-party',
      externalId: p.id,
      name: p.name,
      attributes: {
        category: p.category,
        needs: p.needs,
        expectations: p.expectations,
        ...ownerOf(owners, p.owner_id),
        updatedAt: p.updated_at,
      },
    })),
  ];
}

/** Org-level facts for aggregate tests, derived from the other collected resources plus a few lookups. */
export async function collectOrganisation(
  db: Executor,
  name: string,
  collected: CollectedResource[],
): Promise<CollectedResource> {
  const of = (type: string) => collected.filter((r) => r.type === type).map((r) => r.attributes);
  const [scope, frameworks, users, snapshot] = await Promise.all([
    db.selectFrom('scope_versions').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('frameworks').select(['id', 'in_scope']).orderBy('id').execute(),
    db
      .selectFrom('users')
      .innerJoin('people', 'people.id', 'users.person_id')
      .select(['users.role', 'users.active', 'people.active as person_active'])
      .execute(),
    db
      .selectFrom('readiness_snapshots')
      .select((eb) => eb.fn.max('taken_at').as('at'))
      .executeTakeFirst(),
  ]);
  const systems = of('ai-system');
  const risks = of('risk');
  const issues = of('context-issue');
  const controls = of('control').filter((c) => c.adopted);
  const evidence = of('evidence');
  const admins = users.filter((u) => u.role === 'admin');
  const openRisks = risks.filter((r) => r.status !== 'closed');
  return {
    type: 'organisation',
    externalId: 'organisation',
    name,
    attributes: {
      scopeVersion: scope?.version ?? null,
      scopeStatement: scope?.statement ?? '',
      scopeUpdatedAt: scope?.created_at ?? null,
      scopeBoundaries: scope?.boundaries ?? '',
      contextIssueCount: issues.length,
      externalIssueCount: issues.filter((i) => i.kind === 'external').length,
      internalIssueCount: issues.filter((i) => i.kind === 'internal').length,
      interestedPartyCount: of('interested-party').length,
      inScopeFrameworks: frameworks.filter((f) => readBool(f.in_scope)).map((f) => f.id),
      aiSystemCount: systems.length,
      deployedAiSystemCount: systems.filter((s) => s.stage === 'deployed').length,
      highRiskAiSystemCount: systems.filter((s) => s.riskTier === 'high').length,
      riskCount: risks.length,
      openRiskCount: openRisks.length,
      risksAboveAppetite: openRisks.filter((r) => !r.withinAppetite).length,
      activePeopleCount: of('person').filter((p) => p.active).length,
      adminCount: admins.length,
      activeAdminCount: admins.filter((u) => readBool(u.active) && readBool(u.person_active)).length,
      controlOwnerCount: new Set(controls.filter((c) => c.ownerActive).map((c) => c.ownerId)).size,
      adoptedControlCount: controls.length,
      implementedControlCount: controls.filter((c) => c.status === 'implemented').length,
      unownedAdoptedControlCount: controls.filter((c) => !c.ownerActive).length,
      evidenceCount: evidence.length,
      expiredEvidenceCount: evidence.filter((e) => e.expired).length,
      lastReadinessSnapshotAt: (snapshot?.at as string | null | undefined) ?? null,
      riskAppetiteThreshold: Number(risks[0]?.appetiteThreshold ?? 9),
    },
  };
}
