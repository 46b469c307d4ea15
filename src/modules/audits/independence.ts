import type { Executor } from '../../db/database.js';
import { ValidationError } from '../../lib/errors.js';
import { namesOf } from './repository.js';
import type { IndependenceWarning } from './schema.js';

export interface StoredWarning {
  personId: string;
  controlIds: string[];
}

/**
 * 9.2 asks auditors to be objective: nobody should audit their own work. A warning names each auditor who
 * owns controls mapped to a requirement the checklist covers.
 */
export async function findIndependenceWarnings(
  db: Executor,
  personIds: string[],
  requirementIds: string[],
): Promise<StoredWarning[]> {
  const people = [...new Set(personIds)];
  if (people.length === 0 || requirementIds.length === 0) return [];
  const rows = await db
    .selectFrom('controls as c')
    .innerJoin('control_mappings as m', 'm.control_id', 'c.id')
    .select(['c.owner_id', 'c.id'])
    .distinct()
    .where('c.owner_id', 'in', people)
    .where('m.requirement_id', 'in', requirementIds)
    .orderBy('c.id')
    .execute();
  return people
    .map((personId) => ({
      personId,
      controlIds: rows.filter((r) => r.owner_id === personId).map((r) => r.id),
    }))
    .filter((w) => w.controlIds.length > 0);
}

/** Adds the names people read: who, and which controls. */
export async function describeWarnings(
  db: Executor,
  warnings: StoredWarning[],
): Promise<IndependenceWarning[]> {
  const [people, controls] = await Promise.all([
    namesOf(
      db,
      'people',
      warnings.map((w) => w.personId),
    ),
    namesOf(
      db,
      'controls',
      warnings.flatMap((w) => w.controlIds),
    ),
  ]);
  return warnings.map((w) => ({
    ...w,
    personName: people.get(w.personId) ?? '',
    controls: w.controlIds.map((id) => ({ id, name: controls.get(id) ?? id })),
  }));
}

/** Warn and require a justification: the audit is saved only when someone explains why it stays objective. */
export async function assertJustified(db: Executor, warnings: StoredWarning[], justification: string) {
  if (warnings.length === 0 || justification.trim()) return;
  const described = await describeWarnings(db, warnings);
  const conflicts = described
    .map((w) => `${w.personName} owns ${w.controls.map((c) => c.name).join(', ')}`)
    .join('; ');
  throw ValidationError.field(
    'independenceJustification',
    `auditors own controls in the audit's scope (${conflicts}); explain how the audit stays objective`,
  );
}

export const parseWarnings = (text: string): StoredWarning[] => {
  const value: unknown = JSON.parse(text || '[]');
  return Array.isArray(value) ? (value as StoredWarning[]) : [];
};
