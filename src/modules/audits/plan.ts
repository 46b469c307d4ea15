import type { Executor } from '../../db/database.js';
import { ValidationError } from '../../lib/errors.js';
import { frameworkExists } from './programme-repository.js';
import { programmeOf } from './repository.js';
import { refMatches, requirementsInScope, type ScopedRequirement } from './scope.js';

/**
 * Which requirements an audit covers: the programme's scope (or the framework's, without a programme),
 * narrowed to the given refs or prefixes, in the framework's order.
 */
export async function planChecklist(
  db: Executor,
  input: { frameworkId: string; requirementRefs?: string[] | undefined },
): Promise<ScopedRequirement[]> {
  if (!(await frameworkExists(db, input.frameworkId)))
    throw ValidationError.field('frameworkId', `no framework with id "${input.frameworkId}"`);
  const scope = await requirementsInScope(db, input.frameworkId);
  const prefixes = input.requirementRefs;
  if (!prefixes) return scope;
  const errors = prefixes.flatMap((prefix, index) =>
    scope.some((r) => refMatches(r.ref, prefix))
      ? []
      : [{ field: `requirementRefs.${index}`, message: `"${prefix}" matches no requirement in scope` }],
  );
  if (errors.length > 0) throw new ValidationError(errors, `${errors[0]?.field}: ${errors[0]?.message}`);
  return scope.filter((r) => prefixes.some((prefix) => refMatches(r.ref, prefix)));
}

/** The framework an audit follows: its programme's, unless it names one; they must agree. */
export async function resolveFramework(
  db: Executor,
  input: { programmeId?: string | null | undefined; frameworkId?: string | undefined },
  fallback: string,
): Promise<string> {
  if (!input.programmeId) return input.frameworkId ?? fallback;
  const programme = await programmeOf(db, input.programmeId);
  if (!programme)
    throw ValidationError.field('programmeId', `no audit programme with id "${input.programmeId}"`);
  if (programme.status === 'closed')
    throw ValidationError.field('programmeId', 'the audit programme is closed');
  if (input.frameworkId && input.frameworkId !== programme.framework_id)
    throw ValidationError.field('frameworkId', `the programme audits ${programme.framework_id}`);
  return programme.framework_id;
}
