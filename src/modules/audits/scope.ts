import type { Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';

export interface ScopedRequirement {
  id: string;
  ref: string;
  title: string;
  kind: string;
  position: number;
  auditorFocus: string;
  typicalEvidence: string[];
}

/**
 * What an internal audit programme must cover (9.2): every assessable clause of the framework, and every
 * Annex A control the SoA keeps. A control without an SoA decision yet counts as applicable, as in the SoA.
 */
export async function requirementsInScope(db: Executor, frameworkId: string): Promise<ScopedRequirement[]> {
  const rows = await db
    .selectFrom('requirements as r')
    .leftJoin('soa_entries as soa', 'soa.requirement_id', 'r.id')
    .select([
      'r.id',
      'r.ref',
      'r.title',
      'r.kind',
      'r.position',
      'r.assessable',
      'r.auditor_focus',
      'r.typical_evidence',
      'soa.applicable',
    ])
    .where('r.framework_id', '=', frameworkId)
    .where('r.kind', 'in', ['clause', 'control'])
    .orderBy('r.position')
    .execute();
  return rows
    .filter((r) =>
      r.kind === 'clause' ? readBool(r.assessable) : r.applicable === null || readBool(r.applicable),
    )
    .map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      kind: r.kind,
      position: r.position,
      auditorFocus: r.auditor_focus,
      typicalEvidence: parseList(r.typical_evidence),
    }));
}

function parseList(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** "4" covers 4, 4.1 and 4.1.2 but not 40; "A.6" covers every control under A.6. */
export const refMatches = (ref: string, prefix: string) => ref === prefix || ref.startsWith(`${prefix}.`);
