import { analysisStandingOf, nextAnalysisDue, type PlanFrequency } from './analysis.js';
import type { PlanItemRow } from './repository.js';
import type { PlanItem } from './schema.js';

export function presentPlanItem(row: PlanItemRow, results: PlanItem['results'], today: string): PlanItem {
  const frequency = row.frequency as PlanFrequency;
  return {
    id: row.id,
    subject: row.subject,
    method: row.method,
    frequency,
    analystId: row.analyst_id,
    analyst: row.analyst_id ? { id: row.analyst_id, name: row.analyst_name ?? '' } : null,
    analysisSchedule: row.analysis_schedule,
    requirementRefs: JSON.parse(row.requirement_refs) as string[],
    // Only links that still resolve: a deleted custom test drops out instead of failing the next edit.
    testIds: results.tests.map((t) => t.id),
    objectiveIds: results.objectives.map((o) => o.id),
    results,
    lastAnalysedAt: row.last_analysed_at,
    analysisNotes: row.analysis_notes,
    analysisStanding: analysisStandingOf(frequency, row.last_analysed_at, today),
    nextAnalysisDue: nextAnalysisDue(frequency, row.last_analysed_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
