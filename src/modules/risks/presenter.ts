import { todayIso } from '../../lib/time.js';
import { ownerOf } from '../shared/owned.js';
import { bandFor, type MatrixConfig } from './matrix-config.js';
import type { RiskRow } from './repository.js';
import type { Risk } from './schema.js';

export function presentRisk(row: RiskRow, aiSystemIds: Map<string, string[]>, matrix: MatrixConfig): Risk {
  const effective = row.residual_score ?? row.inherent_score;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    scenarioId: row.scenario_id,
    scenario: row.scenario_id ? { id: row.scenario_id, title: row.scenario_title ?? '' } : null,
    aiSystemIds: aiSystemIds.get(row.id) ?? [],
    likelihood: row.likelihood,
    impact: row.impact,
    inherentScore: row.inherent_score,
    inherentLevel: bandFor(matrix, row.inherent_score),
    residualLikelihood: row.residual_likelihood,
    residualImpact: row.residual_impact,
    residualScore: row.residual_score,
    residualLevel: bandFor(matrix, row.residual_score),
    withinAppetite: effective <= matrix.appetiteThreshold,
    treatment: row.treatment as Risk['treatment'],
    treatmentPlan: row.treatment_plan,
    ownerId: row.owner_id,
    owner: ownerOf(row),
    dueDate: row.due_date,
    status: row.status as Risk['status'],
    acceptance:
      row.accepted_by_id && row.accepted_at && row.acceptance_expires_at
        ? {
            approverId: row.accepted_by_id,
            approverName: row.approver_name ?? '',
            acceptedAt: row.accepted_at,
            expiresAt: row.acceptance_expires_at,
            expired: row.acceptance_expires_at < todayIso(),
          }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
