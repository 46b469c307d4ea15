/**
 * Live requirement status, computed from current data on every read (never stored, so never stale).
 * Pure functions: the service loads the facts, this decides.
 */
export const STATUSES = ['met', 'partial', 'not_met', 'not_applicable'] as const;
export type RequirementStatus = (typeof STATUSES)[number];

export interface RequirementNode {
  id: string;
  ref: string;
  parentRef: string | null;
  assessable: boolean;
  notCoveredReason: string | null;
}

export interface MappingEdge {
  controlId: string;
  requirementId: string;
  relationship: string;
}

export interface Facts {
  edges: MappingEdge[];
  operating: Map<string, boolean>;
  /** SoA exclusions (requirement id → justification). */
  excluded: Map<string, string>;
  /** Requirements whose partial mappings a manager confirmed as covering them together. */
  confirmed: Set<string>;
  /** Requirements that do not apply given the AI systems register (id → why). */
  inapplicable: Map<string, string>;
}

export interface Evaluation {
  status: RequirementStatus;
  /** Whether it counts in readiness (assessable, applicable, and not deliberately left uncovered). */
  counted: boolean;
  reason: string;
}

const STRONG = new Set(['equal', 'superset']);

function evaluateLeaf(node: RequirementNode, edges: MappingEdge[], facts: Facts): Evaluation {
  const exclusion = facts.excluded.get(node.id);
  if (exclusion !== undefined) {
    return {
      status: 'not_applicable',
      counted: false,
      reason: `Excluded in the Statement of Applicability: ${exclusion}`,
    };
  }
  const inapplicable = facts.inapplicable.get(node.id);
  if (inapplicable) return { status: 'not_applicable', counted: false, reason: inapplicable };
  if (edges.length === 0) {
    return node.notCoveredReason
      ? {
          status: 'not_met',
          counted: false,
          reason: `Outside what AIMS controls cover: ${node.notCoveredReason}`,
        }
      : { status: 'not_met', counted: true, reason: 'No adopted control maps to this requirement yet.' };
  }
  const isOperating = (edge: MappingEdge) => facts.operating.get(edge.controlId) === true;
  const operatingCount = edges.filter(isOperating).length;
  const strong = edges.filter((e) => STRONG.has(e.relationship));
  if (strong.length > 0) {
    if (strong.every(isOperating))
      return { status: 'met', counted: true, reason: 'Every fully covering control is operating.' };
    return operatingCount > 0
      ? {
          status: 'partial',
          counted: true,
          reason: `${operatingCount} of ${edges.length} mapped controls are operating.`,
        }
      : { status: 'not_met', counted: true, reason: 'None of the mapped controls is operating.' };
  }
  if (operatingCount === edges.length) {
    return facts.confirmed.has(node.id)
      ? {
          status: 'met',
          counted: true,
          reason: 'Partially covering controls all operate, and together they were confirmed to cover it.',
        }
      : {
          status: 'partial',
          counted: true,
          reason:
            'Only partially covering controls map here; they all operate, but a manager has not confirmed that together they cover it.',
        };
  }
  return operatingCount > 0
    ? {
        status: 'partial',
        counted: true,
        reason: `${operatingCount} of ${edges.length} mapped controls are operating.`,
      }
    : { status: 'not_met', counted: true, reason: 'None of the mapped controls is operating.' };
}

function aggregate(children: Evaluation[]): Evaluation {
  const relevant = children.filter((c) => c.status !== 'not_applicable');
  if (relevant.length === 0)
    return { status: 'not_applicable', counted: false, reason: 'Nothing below it applies.' };
  const met = relevant.filter((c) => c.status === 'met').length;
  const notMet = relevant.filter((c) => c.status === 'not_met').length;
  const status: RequirementStatus =
    met === relevant.length ? 'met' : notMet === relevant.length ? 'not_met' : 'partial';
  return {
    status,
    counted: false,
    reason: `${met} of ${relevant.length} applicable items below it are met.`,
  };
}

/** Evaluates every requirement of one framework: leaves from their controls, parents from their children. */
export function evaluate(nodes: RequirementNode[], facts: Facts): Map<string, Evaluation> {
  const edgesByRequirement = new Map<string, MappingEdge[]>();
  for (const edge of facts.edges)
    edgesByRequirement.set(edge.requirementId, [...(edgesByRequirement.get(edge.requirementId) ?? []), edge]);
  const children = new Map<string | null, RequirementNode[]>();
  for (const node of nodes) children.set(node.parentRef, [...(children.get(node.parentRef) ?? []), node]);

  const result = new Map<string, Evaluation>();
  const visit = (node: RequirementNode): Evaluation | undefined => {
    const below = children.get(node.ref) ?? [];
    let evaluation: Evaluation | undefined;
    if (below.length > 0) {
      const evaluated = below.map(visit).filter((e): e is Evaluation => e !== undefined);
      evaluation = aggregate(evaluated);
    } else if (node.assessable) {
      evaluation = evaluateLeaf(node, edgesByRequirement.get(node.id) ?? [], facts);
    }
    if (evaluation) result.set(node.id, evaluation);
    return evaluation;
  };
  for (const root of children.get(null) ?? []) visit(root);
  // Headings with nothing to assess (an Annex A objective beside its controls) show their parent's status.
  for (const node of nodes) {
    if (!result.has(node.id)) {
      const parent = nodes.find((n) => n.ref === node.parentRef);
      const inherited = parent ? result.get(parent.id) : undefined;
      result.set(node.id, {
        status: inherited?.status ?? 'not_applicable',
        counted: false,
        reason: 'A heading: its status is that of the section it belongs to.',
      });
    }
  }
  return result;
}

export interface Counts {
  met: number;
  partial: number;
  not_met: number;
  not_applicable: number;
}

export interface Readiness {
  percent: number;
  counts: Counts;
  assessed: number;
}

/** Readiness = (met + ½ partial) / the applicable requirements that can be assessed. */
export function readinessOf(evaluations: Evaluation[]): Readiness {
  const counts: Counts = { met: 0, partial: 0, not_met: 0, not_applicable: 0 };
  for (const e of evaluations) {
    if (e.status === 'not_applicable') counts.not_applicable += 1;
    else if (e.counted) counts[e.status] += 1;
  }
  const assessed = counts.met + counts.partial + counts.not_met;
  const percent =
    assessed === 0 ? 0 : Math.round(((counts.met + 0.5 * counts.partial) / assessed) * 1000) / 10;
  return { percent, counts, assessed };
}
