import type { CelLookups, CompiledCondition, PreparedResource } from './cel.js';

export const OUTCOMES = ['pass', 'fail', 'error', 'not_applicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Verdict {
  outcome: Outcome;
  reason: string;
}

export interface CompiledTest {
  appliesWhen: CompiledCondition | null;
  condition: CompiledCondition;
}

/** One test against one resource. Pure: no I/O, the clock and related records are passed in. */
export function judge(
  test: CompiledTest,
  resource: Record<string, unknown> | PreparedResource,
  now: Date,
  lookups?: CelLookups,
): Verdict {
  if (test.appliesWhen) {
    const applies = test.appliesWhen.evaluate(resource, now, lookups);
    if (applies.kind === 'error') return { outcome: 'error', reason: `appliesWhen: ${applies.message}` };
    if (typeof applies.value !== 'boolean') {
      return { outcome: 'error', reason: 'appliesWhen did not return true or false' };
    }
    if (!applies.value)
      return { outcome: 'not_applicable', reason: `does not match: ${test.appliesWhen.source}` };
  }
  const result = test.condition.evaluate(resource, now, lookups);
  if (result.kind === 'error') return { outcome: 'error', reason: result.message };
  if (result.value === true) return { outcome: 'pass', reason: 'condition holds' };
  if (result.value === false)
    return { outcome: 'fail', reason: `condition is false: ${test.condition.source}` };
  return { outcome: 'error', reason: 'the condition did not return true or false' };
}

/** Lookups over an in-memory set of resources (already in CEL shape), indexed by type and id. */
export function lookupsOver(resources: Iterable<Record<string, unknown>>): CelLookups {
  const byType = new Map<string, Record<string, unknown>[]>();
  const byKey = new Map<string, Record<string, unknown>>();
  for (const resource of resources) {
    const type = String(resource.type);
    const list = byType.get(type) ?? [];
    list.push(resource);
    byType.set(type, list);
    byKey.set(`${type}\u0000${String(resource.id)}`, resource);
  }
  return {
    byExternalId: (type, id) => byKey.get(`${type}\u0000${id}`) ?? null,
    ofType: (type) => byType.get(type) ?? [],
  };
}
