import type { Executor } from '../../db/database.js';
import { ConflictError, type FieldError, ValidationError } from '../../lib/errors.js';
import { assertReferences } from '../shared/references.js';
import type { ObjectiveColumns } from './repository.js';
import type { Objective, ObjectiveCreate, ObjectiveUpdate } from './schema.js';

const PERCENT = '%';

/**
 * The stored columns of an objective after a create or update, checked across fields: each source needs its
 * own settings (and keeps no others, so a record never points at a test it no longer reads).
 */
export async function objectiveColumns(
  db: Executor,
  input: ObjectiveCreate | ObjectiveUpdate,
  existing?: Objective,
): Promise<ObjectiveColumns> {
  const pick = <K extends keyof ObjectiveUpdate & keyof Objective>(key: K, fallback: Objective[K]) =>
    (input[key] === undefined ? (existing?.[key] ?? fallback) : input[key]) as Objective[K];
  const source = pick('source', 'manual');
  const errors: FieldError[] = [];
  const columns: ObjectiveColumns = {
    title: pick('title', ''),
    description: pick('description', ''),
    metric: pick('metric', ''),
    unit: pick('unit', source === 'test_pass_rate' ? PERCENT : ''),
    direction: pick('direction', 'at_least'),
    target: pick('target', 0),
    baseline: pick('baseline', null),
    source,
    source_test_id: source === 'test_pass_rate' ? pick('sourceTestId', null) : null,
    source_integration_id: source === 'prometheus' ? pick('sourceIntegrationId', null) : null,
    source_query: source === 'prometheus' ? pick('sourceQuery', null) : null,
    frequency: pick('frequency', 'monthly'),
    ai_system_id: pick('aiSystemId', null),
    owner_id: pick('ownerId', null),
    due_date: pick('dueDate', null),
    status: pick('status', 'active'),
  };
  if (source === 'test_pass_rate') {
    if (columns.unit !== PERCENT) errors.push({ field: 'unit', message: 'must be "%" for a test pass rate' });
    if (!columns.source_test_id)
      errors.push({ field: 'sourceTestId', message: 'is required when the source is test_pass_rate' });
    else if (!(await testExists(db, columns.source_test_id)))
      errors.push({
        field: 'sourceTestId',
        message: `no monitoring test with id "${columns.source_test_id}"`,
      });
  }
  if (source === 'prometheus') {
    if (!columns.source_integration_id)
      errors.push({ field: 'sourceIntegrationId', message: 'is required when the source is prometheus' });
    else {
      const kind = await integrationKind(db, columns.source_integration_id);
      if (kind !== 'prometheus')
        errors.push({
          field: 'sourceIntegrationId',
          message: kind
            ? `integration is of kind "${kind}", not prometheus`
            : `no integration with id "${columns.source_integration_id}"`,
        });
    }
    if (!columns.source_query)
      errors.push({ field: 'sourceQuery', message: 'is required when the source is prometheus' });
  }
  if (errors.length > 0) throw new ValidationError(errors, `${errors[0]?.field}: ${errors[0]?.message}`);
  await assertReferences(db, [
    { field: 'ownerId', table: 'people', ids: columns.owner_id },
    { field: 'aiSystemId', table: 'ai_systems', ids: columns.ai_system_id },
  ]);
  return columns;
}

/** Values of automatic objectives come from their source; typing one in would undercut that evidence. */
export function assertManual(objective: Objective): void {
  if (objective.source !== 'manual')
    throw new ConflictError(
      `This objective is measured automatically (${objective.source}); use "Measure now" instead.`,
    );
}

export function assertMeasurable(objective: Objective): void {
  if (objective.status === 'cancelled')
    throw new ConflictError('This objective is cancelled; cancelled objectives take no measurements.');
}

async function testExists(db: Executor, id: string) {
  return Boolean(await db.selectFrom('tests').select('id').where('id', '=', id).executeTakeFirst());
}

async function integrationKind(db: Executor, id: string) {
  const row = await db.selectFrom('integrations').select('kind').where('id', '=', id).executeTakeFirst();
  return row?.kind;
}
