import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { readBool } from '../../db/dialect.js';
import { ConflictError, type FieldError, ValidationError } from '../../lib/errors.js';
import { findAimsOwnerRole, findRoleByName } from './repository.js';
import type { AimsRole, AimsRoleCreate } from './schema.js';

/** RACI rules: one letter per person, at most one accountable, and only active people newly assigned. */
async function checkAssignments(db: Executor, input: AimsRoleCreate['assignments'], existing?: AimsRole) {
  if (!input) return;
  if (input.filter((a) => a.raci === 'accountable').length > 1) {
    throw ValidationError.field('assignments', 'a role has at most one accountable person');
  }
  const ids = [...new Set(input.map((a) => a.personId))];
  const people =
    ids.length === 0
      ? []
      : await db.selectFrom('people').select(['id', 'active']).where('id', 'in', ids).execute();
  const active = new Map(people.map((p) => [p.id, readBool(p.active)]));
  // Someone who left may keep an assignment until it is handed over, but nobody inactive is newly added.
  const alreadyAssigned = new Set(existing?.assignments.map((a) => a.personId));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  input.forEach((assignment, index) => {
    const field = `assignments[${index}].personId`;
    if (seen.has(assignment.personId))
      errors.push({ field, message: 'is assigned twice; give one RACI letter' });
    else if (!active.has(assignment.personId))
      errors.push({ field, message: `no person with id "${assignment.personId}"` });
    else if (!active.get(assignment.personId) && !alreadyAssigned.has(assignment.personId))
      errors.push({ field, message: 'is not an active person' });
    seen.add(assignment.personId);
  });
  if (errors.length > 0) throw new ValidationError(errors, `${errors[0]?.field}: ${errors[0]?.message}`);
}

export async function validateAimsRole(
  db: Executor,
  dialect: Dialect,
  input: Partial<AimsRoleCreate>,
  existing?: AimsRole,
): Promise<void> {
  if (input.name !== undefined) {
    const clash = await findRoleByName(db, input.name);
    if (clash && clash.id !== existing?.id)
      throw new ConflictError(`A role named "${input.name}" already exists.`, 'name');
  }
  if (input.aimsOwner) {
    const owner = await findAimsOwnerRole(db, dialect);
    if (owner && owner.id !== existing?.id) {
      throw new ConflictError(
        `"${owner.name}" is already the AIMS owner role; unmark it first.`,
        'aimsOwner',
      );
    }
  }
  await checkAssignments(db, input.assignments, existing);
}
