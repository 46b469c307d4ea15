import type { Executor } from '../../db/database.js';
import { type FieldError, ValidationError } from '../../lib/errors.js';
import { assertReferences } from '../shared/references.js';
import { existingIds } from './repository.js';
import type { PlanItemCreate, PlanItemUpdate } from './schema.js';

/** Linked tests, objectives and the analyst must exist; a missing one is named by its place, e.g. `testIds.1`. */
export async function assertPlanReferences(
  db: Executor,
  input: PlanItemCreate | PlanItemUpdate,
): Promise<void> {
  const errors: FieldError[] = [];
  const check = async (field: 'testIds' | 'objectiveIds', table: 'tests' | 'objectives', label: string) => {
    const ids = input[field];
    if (!ids) return;
    const present = await existingIds(db, table, ids);
    ids.forEach((id, index) => {
      if (!present.has(id))
        errors.push({ field: `${field}.${index}`, message: `no ${label} with id "${id}"` });
    });
  };
  await check('testIds', 'tests', 'monitoring test');
  await check('objectiveIds', 'objectives', 'objective');
  if (errors.length > 0) throw new ValidationError(errors, `${errors[0]?.field}: ${errors[0]?.message}`);
  await assertReferences(db, [{ field: 'analystId', table: 'people', ids: input.analystId }]);
}
