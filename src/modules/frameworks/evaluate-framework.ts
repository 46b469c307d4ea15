import type { Db, Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import type { RequirementsTable } from '../../db/schema.js';
import { todayIso } from '../../lib/time.js';
import { operatingState } from '../controls/operating.js';
import type { ControlFacts } from './repository.js';
import * as repo from './repository.js';
import {
  type Evaluation,
  evaluate,
  type MappingEdge,
  type Readiness,
  type RequirementNode,
  readinessOf,
} from './status.js';

export interface FrameworkEvaluation {
  requirements: RequirementsTable[];
  edges: MappingEdge[];
  evaluations: Map<string, Evaluation>;
  operating: Map<string, { operating: boolean; reason: string }>;
  readiness: Readiness;
}

function inapplicableByRegister(
  requirements: RequirementsTable[],
  profile: Array<{ role: string; tier: string }>,
): Map<string, string> {
  const result = new Map<string, string>();
  for (const requirement of requirements) {
    if (!requirement.applies_to) continue;
    const applies = JSON.parse(requirement.applies_to) as { roles: string[]; riskTiers: string[] };
    const hit = profile.some((p) => applies.roles.includes(p.role) && applies.riskTiers.includes(p.tier));
    if (!hit) {
      result.set(
        requirement.id,
        `No active AI system in the register is held in a role (${applies.roles.join(', ')}) and risk tier (${applies.riskTiers.join(', ')}) this applies to.`,
      );
    }
  }
  return result;
}

/**
 * Loads the current facts for one framework and evaluates every requirement in it. Callers evaluating
 * several frameworks pass the control facts once.
 */
export async function evaluateFramework(
  db: Db,
  frameworkId: string,
  options: { executor?: Executor; controls?: ControlFacts[] } = {},
): Promise<FrameworkEvaluation> {
  const executor = options.executor ?? db.kysely;
  const [requirements, edges, facts, excluded, confirmed, profile] = await Promise.all([
    repo.requirementsOf(executor, frameworkId),
    repo.mappingEdges(executor, db.dialect, frameworkId),
    options.controls ?? repo.controlFacts(executor, todayIso()),
    repo.exclusions(executor, db.dialect, frameworkId),
    repo.confirmations(executor, frameworkId),
    repo.registerProfile(executor),
  ]);
  const operating = new Map(facts.map((f) => [f.id, operatingState(f)]));
  const nodes: RequirementNode[] = requirements.map((r) => ({
    id: r.id,
    ref: r.ref,
    parentRef: r.parent_ref,
    assessable: readBool(r.assessable),
    notCoveredReason: r.not_covered_reason,
  }));
  const evaluations = evaluate(nodes, {
    edges,
    operating: new Map([...operating].map(([id, state]) => [id, state.operating])),
    excluded,
    confirmed,
    inapplicable: inapplicableByRegister(requirements, profile),
  });
  const leaves = requirements
    .filter((r) => readBool(r.assessable))
    .map((r) => evaluations.get(r.id) as Evaluation);
  return { requirements, edges, evaluations, operating, readiness: readinessOf(leaves) };
}

/** Readiness per top-level section: clauses 4-10, each Annex A group, each NIST function, each EU chapter. */
export function groupReadiness(evaluation: FrameworkEvaluation) {
  const { requirements, evaluations } = evaluation;
  const byRef = new Map(requirements.map((r) => [r.ref, r]));
  const roots = requirements.filter((r) => r.parent_ref === null);
  // A root that only holds groups (Annex A itself) is split into those groups.
  const sections = roots.flatMap((root) => {
    const children = requirements.filter((r) => r.parent_ref === root.ref);
    return children.length > 0 && children.every((c) => c.kind === 'group') ? children : [root];
  });
  const sectionOf = (requirement: RequirementsTable): string | undefined => {
    let current: RequirementsTable | undefined = requirement;
    while (current) {
      if (sections.some((s) => s.ref === current?.ref)) return current.ref;
      current = current.parent_ref ? byRef.get(current.parent_ref) : undefined;
    }
    return undefined;
  };
  return sections.map((section) => {
    const leaves = requirements.filter((r) => readBool(r.assessable) && sectionOf(r) === section.ref);
    return {
      ref: section.ref,
      title: section.title,
      ...readinessOf(leaves.map((r) => evaluations.get(r.id) as Evaluation)),
    };
  });
}
