import type { RiskScenarioRow } from './repository.js';
import type { RiskScenario } from './schema.js';

export function presentRiskScenario(row: RiskScenarioRow): RiskScenario {
  return {
    id: row.id,
    title: row.title,
    category: row.category as RiskScenario['category'],
    description: row.description,
    typicalCauses: JSON.parse(row.typical_causes) as string[],
    typicalConsequences: JSON.parse(row.typical_consequences) as string[],
    suggestedTreatments: JSON.parse(row.suggested_treatments) as string[],
    defaultLikelihood: row.default_likelihood,
    defaultImpact: row.default_impact,
    defaultScore: row.default_likelihood * row.default_impact,
    contentVersion: row.content_version,
    riskCount: Number(row.risk_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
