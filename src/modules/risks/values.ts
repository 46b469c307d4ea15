import type { Executor } from '../../db/database.js';
import { type FieldError, ValidationError } from '../../lib/errors.js';
import { assertReferences } from '../shared/references.js';
import type { RiskValues } from './repository.js';
import type { Risk, RiskCreate, RiskUpdate } from './schema.js';

const MIDDLE = 3;

function fromRecord(risk: Risk): RiskValues {
  return {
    title: risk.title,
    description: risk.description,
    scenario_id: risk.scenarioId,
    likelihood: risk.likelihood,
    impact: risk.impact,
    residual_likelihood: risk.residualLikelihood,
    residual_impact: risk.residualImpact,
    treatment: risk.treatment,
    treatment_plan: risk.treatmentPlan,
    owner_id: risk.ownerId,
    due_date: risk.dueDate,
    status: risk.status,
    accepted_by_id: risk.acceptance?.approverId ?? null,
    accepted_at: risk.acceptance?.acceptedAt ?? null,
    acceptance_expires_at: risk.acceptance?.expiresAt ?? null,
  };
}

function crossFieldErrors(v: RiskValues): FieldError[] {
  const errors: FieldError[] = [];
  if ((v.residual_likelihood === null) !== (v.residual_impact === null)) {
    errors.push({ field: 'residualImpact', message: 'set residualLikelihood and residualImpact together' });
  }
  if (v.accepted_by_id && v.treatment !== 'accept') {
    errors.push({ field: 'acceptance', message: 'an acceptance needs treatment "accept"' });
  }
  if (v.status === 'accepted' && !v.accepted_by_id) {
    errors.push({
      field: 'acceptance',
      message: 'status "accepted" needs an acceptance with approver and expiry',
    });
  }
  if (v.accepted_at && v.acceptance_expires_at && v.acceptance_expires_at <= v.accepted_at) {
    errors.push({ field: 'acceptance.expiresAt', message: 'must be after acceptedAt' });
  }
  return errors;
}

/**
 * Turns a create or a patch into the complete stored values: the scenario fills in what the caller left
 * out, a patch is merged over the current record, and the result is checked as a whole.
 */
export async function resolveRiskValues(
  db: Executor,
  input: RiskCreate | RiskUpdate,
  existing?: Risk,
): Promise<RiskValues> {
  const scenarioId = input.scenarioId === undefined ? (existing?.scenarioId ?? null) : input.scenarioId;
  const scenario = scenarioId
    ? await db.selectFrom('risk_scenarios').selectAll().where('id', '=', scenarioId).executeTakeFirst()
    : undefined;
  if (scenarioId && !scenario)
    throw ValidationError.field('scenarioId', `no risk scenario with id "${scenarioId}"`);

  const start: RiskValues = existing
    ? fromRecord(existing)
    : {
        title: scenario?.title ?? '',
        description: scenario?.description ?? '',
        scenario_id: null,
        likelihood: scenario?.default_likelihood ?? MIDDLE,
        impact: scenario?.default_impact ?? MIDDLE,
        residual_likelihood: null,
        residual_impact: null,
        treatment: null,
        treatment_plan: '',
        owner_id: null,
        due_date: null,
        status: 'identified',
        accepted_by_id: null,
        accepted_at: null,
        acceptance_expires_at: null,
      };
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const acceptance = input.acceptance;
  const values: RiskValues = {
    title: pick(input.title, start.title),
    description: pick(input.description, start.description),
    scenario_id: scenarioId,
    likelihood: pick(input.likelihood, start.likelihood),
    impact: pick(input.impact, start.impact),
    residual_likelihood: pick(input.residualLikelihood, start.residual_likelihood),
    residual_impact: pick(input.residualImpact, start.residual_impact),
    treatment: pick(input.treatment, start.treatment),
    treatment_plan: pick(input.treatmentPlan, start.treatment_plan),
    owner_id: pick(input.ownerId, start.owner_id),
    due_date: pick(input.dueDate, start.due_date),
    status: pick(input.status, start.status),
    accepted_by_id: acceptance === undefined ? start.accepted_by_id : (acceptance?.approverId ?? null),
    accepted_at: acceptance === undefined ? start.accepted_at : (acceptance?.acceptedAt ?? null),
    acceptance_expires_at:
      acceptance === undefined ? start.acceptance_expires_at : (acceptance?.expiresAt ?? null),
  };

  const errors = crossFieldErrors(values);
  if (errors.length > 0) throw new ValidationError(errors);
  await assertReferences(db, [
    { field: 'ownerId', table: 'people', ids: input.ownerId },
    { field: 'acceptance.approverId', table: 'people', ids: input.acceptance?.approverId },
    { field: 'aiSystemIds', table: 'ai_systems', ids: input.aiSystemIds },
  ]);
  return values;
}
