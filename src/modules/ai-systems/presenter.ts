import type { AiSystemLinks, AiSystemRow } from './repository.js';
import type { AiSystem } from './schema.js';

export function presentAiSystem(row: AiSystemRow, links: AiSystemLinks): AiSystem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    intendedPurpose: row.intended_purpose,
    lifecycleStage: row.lifecycle_stage as AiSystem['lifecycleStage'],
    organisationRole: row.organisation_role as AiSystem['organisationRole'],
    riskTier: row.risk_tier as AiSystem['riskTier'],
    affectedPersons: JSON.parse(row.affected_persons) as string[],
    decisionAutonomy: row.decision_autonomy as AiSystem['decisionAutonomy'],
    humanOversight: row.human_oversight,
    deploymentEnvironment: row.deployment_environment,
    businessUnit: row.business_unit,
    ownerId: row.owner_id,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    models: JSON.parse(row.models) as AiSystem['models'],
    datasetIds: links.datasetIds.get(row.id) ?? [],
    vendorIds: links.vendorIds.get(row.id) ?? [],
    riskCount: links.riskCounts.get(row.id) ?? 0,
    deployedAt: row.deployed_at,
    lastReviewedAt: row.last_reviewed_at,
    nextReviewDue: row.next_review_due,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
