import type { Executor } from '../../../db/database.js';
import { readBool } from '../../../db/dialect.js';
import { readMatrixConfig } from '../../../modules/risks/matrix-config.js';
import type { CollectedResource } from '../integration.js';
import { type Links, type OwnerIndex, ownerOf, parseList } from './links.js';

export async function collectAiSystems(
  db: Executor,
  owners: OwnerIndex,
  links: Links,
): Promise<CollectedResource[]> {
  const rows = await db.selectFrom('ai_systems').selectAll().orderBy('id').execute();
  const appetite = (await readMatrixConfig(db)).appetiteThreshold;
  const risks = await db
    .selectFrom('risks')
    .select(['id', 'status', 'inherent_score', 'residual_score'])
    .execute();
  const riskById = new Map(risks.map((r) => [r.id, r]));
  return rows.map((row) => {
    const models = (JSON.parse(row.models) as Array<Record<string, unknown>>).map((m) => ({
      name: String(m.name ?? ''),
      version: (m.version as string | null | undefined) ?? null,
      providerVendorId: (m.providerVendorId as string | null | undefined) ?? null,
      baseModel: (m.baseModel as string | null | undefined) ?? null,
    }));
    const riskIds = links.risksOfSystem.get(row.id) ?? [];
    const open = riskIds.map((id) => riskById.get(id)).filter((r) => r && r.status !== 'closed');
    return {
      type: 'ai-system',
      externalId: row.id,
      name: row.name,
      attributes: {
        description: row.description,
        intendedPurpose: row.intended_purpose,
        stage: row.lifecycle_stage,
        organisationRole: row.organisation_role,
        riskTier: row.risk_tier,
        affectedPersons: parseList(row.affected_persons),
        decisionAutonomy: row.decision_autonomy,
        humanOversight: row.human_oversight,
        deploymentEnvironment: row.deployment_environment,
        businessUnit: row.business_unit,
        ...ownerOf(owners, row.owner_id),
        models,
        thirdPartyModelCount: models.filter((m) => m.providerVendorId).length,
        datasetIds: links.datasetsOfSystem.get(row.id) ?? [],
        vendorIds: links.vendorsOfSystem.get(row.id) ?? [],
        riskIds,
        openRiskCount: open.length,
        risksAboveAppetite: open.filter((r) => (r?.residual_score ?? r?.inherent_score ?? 0) > appetite)
          .length,
        controlIds: links.controlsOfSystem.get(row.id) ?? [],
        deployedAt: row.deployed_at,
        lastReviewedAt: row.last_reviewed_at,
        nextReviewDue: row.next_review_due,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    };
  });
}

export async function collectDatasets(
  db: Executor,
  owners: OwnerIndex,
  links: Links,
): Promise<CollectedResource[]> {
  const rows = await db.selectFrom('datasets').selectAll().orderBy('id').execute();
  return rows.map((row) => {
    const systems = links.systemsOfDataset.get(row.id) ?? [];
    const categories = parseList(row.personal_data_categories);
    return {
      type: 'dataset',
      externalId: row.id,
      name: row.name,
      attributes: {
        description: row.description,
        source: row.source,
        provenance: row.provenance,
        licence: row.licence,
        personalDataCategories: categories,
        containsPersonalData: categories.length > 0,
        qualityNotes: row.quality_notes,
        recordCount: row.record_count,
        sizeBytes: row.size_bytes,
        ...ownerOf(owners, row.owner_id),
        aiSystemIds: systems,
        deployedSystemCount: systems.filter((id) => links.deployedSystems.has(id)).length,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    };
  });
}

export async function collectVendors(db: Executor, owners: OwnerIndex, links: Links, today: string) {
  const rows = await db.selectFrom('vendors').selectAll().orderBy('id').execute();
  return rows.map((row): CollectedResource => {
    const systems = links.systemsOfVendor.get(row.id) ?? [];
    const modelsProvided = parseList(row.models_provided);
    const due = row.next_review_due;
    const soon = new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10);
    return {
      type: 'vendor',
      externalId: row.id,
      name: row.name,
      attributes: {
        website: row.website,
        services: row.services,
        modelsProvided,
        suppliesAi: modelsProvided.length > 0 || systems.length > 0,
        criticality: row.criticality,
        contractStatus: row.contract_status,
        dpaStatus: row.dpa_status,
        slaSummary: row.sla_summary,
        intendedUseApproved: readBool(row.intended_use_approved),
        reviewCadenceMonths: row.review_cadence_months,
        lastReviewAt: row.last_review_at,
        nextReviewDue: due,
        reviewStatus: !due
          ? 'never_reviewed'
          : due < today
            ? 'overdue'
            : due <= soon
              ? 'due_soon'
              : 'current',
        ...ownerOf(owners, row.owner_id),
        aiSystemIds: systems,
        personalDataFlows: systems.some((id) => links.systemsWithPersonalData.has(id)),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    };
  });
}

export async function collectRisks(
  db: Executor,
  owners: OwnerIndex,
  links: Links,
): Promise<CollectedResource[]> {
  const rows = await db.selectFrom('risks').selectAll().orderBy('id').execute();
  const appetite = (await readMatrixConfig(db)).appetiteThreshold;
  return rows.map((row) => {
    const effective = row.residual_score ?? row.inherent_score;
    return {
      type: 'risk',
      externalId: row.id,
      name: row.title,
      attributes: {
        description: row.description,
        scenarioId: row.scenario_id,
        likelihood: row.likelihood,
        impact: row.impact,
        inherentScore: row.inherent_score,
        residualScore: row.residual_score,
        effectiveScore: effective,
        appetiteThreshold: appetite,
        withinAppetite: effective <= appetite,
        treatment: row.treatment,
        treatmentPlan: row.treatment_plan,
        status: row.status,
        ...ownerOf(owners, row.owner_id),
        dueDate: row.due_date,
        acceptedById: row.accepted_by_id,
        acceptedAt: row.accepted_at,
        acceptanceExpiresAt: row.acceptance_expires_at,
        aiSystemIds: links.systemsOfRisk.get(row.id) ?? [],
        controlIds: links.controlsOfRisk.get(row.id) ?? [],
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      },
    };
  });
}
