import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type Facts, type RequirementNode, readinessOf } from './status.js';

const nodes: RequirementNode[] = [
  { id: 'f:A', ref: 'A', parentRef: null, assessable: false, notCoveredReason: null },
  { id: 'f:A.1', ref: 'A.1', parentRef: 'A', assessable: false, notCoveredReason: null },
  { id: 'f:A.2', ref: 'A.2', parentRef: 'A', assessable: true, notCoveredReason: null },
  { id: 'f:A.3', ref: 'A.3', parentRef: 'A', assessable: true, notCoveredReason: null },
  { id: 'f:A.4', ref: 'A.4', parentRef: 'A', assessable: true, notCoveredReason: null },
  { id: 'f:A.5', ref: 'A.5', parentRef: 'A', assessable: true, notCoveredReason: 'outside an AIMS' },
];

function facts(overrides: Partial<Facts> = {}): Facts {
  return {
    edges: [
      { controlId: 'c1', requirementId: 'f:A.2', relationship: 'equal' },
      { controlId: 'c2', requirementId: 'f:A.2', relationship: 'subset' },
      { controlId: 'c2', requirementId: 'f:A.3', relationship: 'subset' },
      { controlId: 'c3', requirementId: 'f:A.3', relationship: 'intersect' },
    ],
    operating: new Map(),
    excluded: new Map(),
    confirmed: new Set(),
    inapplicable: new Map(),
    ...overrides,
  };
}

const leaves = (result: ReturnType<typeof evaluate>) =>
  nodes.filter((n) => n.assessable).flatMap((n) => result.get(n.id) ?? []);

describe('requirement status', () => {
  it('is met when every fully covering control operates, partial when some mapped control does', () => {
    expect(evaluate(nodes, facts({ operating: new Map([['c1', true]]) })).get('f:A.2')?.status).toBe('met');
    expect(evaluate(nodes, facts({ operating: new Map([['c2', true]]) })).get('f:A.2')?.status).toBe(
      'partial',
    );
    expect(evaluate(nodes, facts()).get('f:A.2')?.status).toBe('not_met');
  });

  it('needs a manager’s confirmation before partial mappings alone make a requirement met', () => {
    const allOperating = new Map([
      ['c2', true],
      ['c3', true],
    ]);
    expect(evaluate(nodes, facts({ operating: allOperating })).get('f:A.3')?.status).toBe('partial');
    expect(
      evaluate(nodes, facts({ operating: allOperating, confirmed: new Set(['f:A.3']) })).get('f:A.3')?.status,
    ).toBe('met');
  });

  it('treats exclusions and register-based inapplicability as not applicable, and gaps as not met', () => {
    const result = evaluate(
      nodes,
      facts({
        excluded: new Map([['f:A.2', 'no customers']]),
        inapplicable: new Map([['f:A.3', 'no provider role']]),
      }),
    );
    expect(result.get('f:A.2')).toMatchObject({ status: 'not_applicable', counted: false });
    expect(result.get('f:A.2')?.reason).toContain('no customers');
    expect(result.get('f:A.3')?.status).toBe('not_applicable');
    expect(result.get('f:A.4')).toMatchObject({ status: 'not_met', counted: true });
    expect(result.get('f:A.5')).toMatchObject({ status: 'not_met', counted: false });
  });

  it('aggregates parents from children and lets headings show their section’s status', () => {
    const result = evaluate(nodes, facts({ operating: new Map([['c1', true]]) }));
    expect(result.get('f:A')?.status).toBe('partial');
    expect(result.get('f:A.1')?.status).toBe('partial');
  });

  it('computes readiness as (met + half partial) over the assessed requirements', () => {
    const result = evaluate(
      nodes,
      facts({
        operating: new Map([
          ['c1', true],
          ['c3', true],
        ]),
      }),
    );
    // A.2 met, A.3 partial, A.4 not met; A.5 is not counted.
    expect(readinessOf(leaves(result))).toEqual({
      percent: 50,
      assessed: 3,
      counts: { met: 1, partial: 1, not_met: 1, not_applicable: 0 },
    });
  });
});

describe('status properties', () => {
  const controls = ['c1', 'c2', 'c3'];
  const operatingArb = fc.dictionary(fc.constantFrom(...controls), fc.boolean());
  const requirementArb = fc.constantFrom('f:A.2', 'f:A.3', 'f:A.4');

  it('fresh evidence (a control starting to operate) never lowers readiness', () => {
    fc.assert(
      fc.property(
        operatingArb,
        fc.constantFrom(...controls),
        fc.subarray(['f:A.2', 'f:A.3', 'f:A.4']),
        (state, control, excluded) => {
          const base = facts({ excluded: new Map(excluded.map((id) => [id, 'why'])) });
          const before = readinessOf(
            leaves(evaluate(nodes, { ...base, operating: new Map(Object.entries(state)) })),
          ).percent;
          const after = readinessOf(
            leaves(
              evaluate(nodes, { ...base, operating: new Map(Object.entries({ ...state, [control]: true })) }),
            ),
          ).percent;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });

  it('an excluded requirement is never counted as met', () => {
    fc.assert(
      fc.property(operatingArb, requirementArb, fc.boolean(), (state, requirement, confirmed) => {
        const result = evaluate(
          nodes,
          facts({
            operating: new Map(Object.entries(state)),
            excluded: new Map([[requirement, 'not relevant']]),
            confirmed: confirmed ? new Set([requirement]) : new Set(),
          }),
        );
        expect(result.get(requirement)?.status).toBe('not_applicable');
        const counts = readinessOf(leaves(result)).counts;
        const all = leaves(evaluate(nodes, facts({ operating: new Map(Object.entries(state)) })));
        expect(counts.met).toBeLessThanOrEqual(all.filter((e) => e.status === 'met').length);
      }),
    );
  });
});
