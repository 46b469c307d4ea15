import type { MeasurementRow, ObjectiveRow } from './repository.js';
import type { Measurement, Objective } from './schema.js';
import { attainmentOf, type Direction, type Frequency, nextMeasurementDue, standingOf } from './standing.js';

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentObjective(
  row: ObjectiveRow,
  latest: MeasurementRow | undefined,
  now: Date,
): Objective {
  const frequency = row.frequency as Frequency;
  const direction = row.direction as Direction;
  const target = Number(row.target);
  const value = latest ? Number(latest.value) : null;
  const lastMeasuredAt = latest?.measured_at ?? null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    metric: row.metric,
    unit: row.unit,
    direction,
    target,
    baseline: row.baseline === null ? null : Number(row.baseline),
    source: row.source as Objective['source'],
    sourceTestId: row.source_test_id,
    sourceIntegrationId: row.source_integration_id,
    sourceQuery: row.source_query,
    frequency,
    aiSystemId: row.ai_system_id,
    aiSystem: named(row.ai_system_id, row.ai_system_name),
    ownerId: row.owner_id,
    owner: named(row.owner_id, row.owner_name),
    dueDate: row.due_date,
    status: row.status as Objective['status'],
    latestMeasurement: latest && value !== null ? { value, measuredAt: latest.measured_at } : null,
    attainment: attainmentOf(direction, target, value),
    standing: standingOf(frequency, lastMeasuredAt, now),
    nextMeasurementDue: nextMeasurementDue(frequency, lastMeasuredAt, row.created_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentMeasurement(row: MeasurementRow): Measurement {
  return {
    id: row.id,
    objectiveId: row.objective_id,
    measuredAt: row.measured_at,
    value: Number(row.value),
    source: row.source as Measurement['source'],
    note: row.note,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}
