import { describe, expect, it } from 'vitest';
import { readControlLibrary } from '../src/content/controls.js';
import { type BuiltinTest, loadBuiltinTests } from '../src/content/tests.js';
import { compileCondition } from '../src/monitoring/engine/cel.js';
import { judge, lookupsOver } from '../src/monitoring/engine/evaluate.js';
import { celResource, exampleResource, RESOURCE_TYPES } from '../src/monitoring/resource-types.js';

// Fixtures are written against this instant, so date arithmetic in conditions is deterministic.
const FIXTURE_NOW = new Date('2026-12-04T12:00:00.000Z');
const { tests } = loadBuiltinTests();
const controls = new Map(
  readControlLibrary().files.flatMap((f) => f.data.controls.map((c) => [c.id, c] as const)),
);

function fixtureOutcome(test: BuiltinTest, which: 'pass' | 'fail') {
  const type = RESOURCE_TYPES[test.resourceType];
  if (!type) throw new Error(`unknown resource type ${test.resourceType}`);
  const fixture = test.fixtures[which];
  const attributes = { ...type.example, ...fixture.attributes };
  // The merged fixture must be a resource the integration could really produce.
  const checked = type.attributes.safeParse(attributes);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`${which} fixture: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const related = fixture.related.map((r) => {
    const relatedType = RESOURCE_TYPES[r.type];
    if (!relatedType) throw new Error(`${which} fixture: unknown related type ${r.type}`);
    return celResource({
      ...r,
      name: r.name ?? r.externalId,
      attributes: { ...relatedType.example, ...r.attributes },
    });
  });
  const resource = celResource({
    type: test.resourceType,
    externalId: 'fixture',
    name: fixture.name ?? 'Fixture',
    attributes,
  });
  const example = exampleResource(test.resourceType);
  const compiled = {
    appliesWhen: test.appliesWhen ? compileCondition(test.appliesWhen, example) : null,
    condition: compileCondition(test.condition, example),
  };
  return judge(compiled, resource, FIXTURE_NOW, lookupsOver([resource, ...related]));
}

describe('built-in tests (content/tests)', () => {
  it('ships at least 150 enabled tests', () => {
    expect(tests.filter((t) => t.enabled).length).toBeGreaterThanOrEqual(150);
  });

  it('maps every test to controls that exist in the control library', () => {
    const missing = tests.flatMap((t) =>
      t.controls.filter((c) => !controls.has(c)).map((c) => `${t.id}: ${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('reaches every ISO 42001 clause 4-10 and every Annex A objective through enabled tests', () => {
    const reached = new Set<string>();
    for (const test of tests.filter((t) => t.enabled)) {
      for (const id of test.controls) {
        for (const m of controls.get(id)?.mappings ?? [])
          if (m.framework === 'iso-42001-2023') reached.add(m.ref);
      }
    }
    const refs = [...reached];
    const clauses = ['4', '5', '6', '7', '8', '9', '10'].filter(
      (c) => !refs.some((r) => r === c || r.startsWith(`${c}.`)),
    );
    const objectives = ['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10'].filter(
      (o) => !refs.some((r) => r.startsWith(`${o}.`)),
    );
    expect({ clauses, objectives }).toEqual({ clauses: [], objectives: [] });
  });

  for (const test of tests) {
    describe(test.id, () => {
      it('passes on its pass fixture', () => {
        expect(fixtureOutcome(test, 'pass')).toMatchObject({ outcome: 'pass' });
      });
      it('fails on its fail fixture', () => {
        expect(fixtureOutcome(test, 'fail')).toMatchObject({ outcome: 'fail' });
      });
    });
  }
});
