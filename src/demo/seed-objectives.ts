import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

const DAY = 86_400_000;

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo objectives: unknown ${what} "${key}"`);
  return id;
}

interface DemoObjective {
  key: string;
  title: string;
  metric: string;
  unit: string;
  direction: 'at_least' | 'at_most';
  target: number;
  baseline?: number;
  source?: 'manual' | 'test_pass_rate';
  sourceTestId?: string;
  frequency: 'weekly' | 'monthly' | 'quarterly';
  owner: string;
  system?: string;
  dueInDays?: number;
  status?: 'active' | 'achieved';
  /** [days ago, value], oldest first. */
  history?: Array<[number, number]>;
}

// Spread over sources and standings: measured and on target, off target, due for measurement, achieved, and
// two automatic ones the worker measures once their tests have run.
const OBJECTIVES: DemoObjective[] = [
  {
    key: 'fairness',
    title: 'Fairness gap on credit decisions ≤ 2 pp',
    metric: 'Approval-rate gap between age groups, percentage points',
    unit: 'pp',
    direction: 'at_most',
    target: 2,
    baseline: 6.1,
    frequency: 'monthly',
    owner: 'lead-ds-credit',
    system: 'credit-scoring',
    dueInDays: 120,
    history: [
      [185, 5.8],
      [155, 5.1],
      [125, 4.2],
      [95, 3.6],
      [65, 2.9],
      [35, 2.4],
      [5, 1.9],
    ],
  },
  {
    key: 'mttr',
    title: 'Mean time to resolve AI incidents ≤ 10 days',
    metric: 'Mean days from detection to resolution of AI incidents',
    unit: 'days',
    direction: 'at_most',
    target: 10,
    baseline: 21,
    frequency: 'quarterly',
    owner: 'head-model-risk',
    dueInDays: 200,
    history: [
      [230, 18],
      [140, 14],
      [50, 11.5],
    ],
  },
  {
    key: 'training',
    title: 'AI literacy training completed by ≥ 95 % of staff',
    metric: 'Staff with current AI literacy training',
    unit: '%',
    direction: 'at_least',
    target: 95,
    baseline: 61,
    frequency: 'monthly',
    owner: 'aims-admin',
    history: [
      [105, 78],
      [75, 84],
      [45, 88],
    ],
  },
  {
    key: 'declines-reviewed',
    title: 'Every automated credit decline reviewed by a person',
    metric: 'Automated declines with a recorded human review',
    unit: '%',
    direction: 'at_least',
    target: 100,
    baseline: 82,
    frequency: 'monthly',
    owner: 'head-model-risk',
    system: 'credit-scoring',
    status: 'achieved',
    history: [
      [80, 92],
      [50, 97],
      [20, 100],
    ],
  },
  {
    key: 'model-cards',
    title: 'Model cards complete for deployed systems ≥ 100 %',
    metric: 'ML repositories with a model card',
    unit: '%',
    direction: 'at_least',
    target: 100,
    source: 'test_pass_rate',
    sourceTestId: 'repository-ml-model-card',
    frequency: 'monthly',
    owner: 'head-ml-engineering',
  },
  {
    key: 'risk-assessed',
    title: 'All AI systems risk-assessed',
    metric: 'AI systems with an assessed risk',
    unit: '%',
    direction: 'at_least',
    target: 100,
    source: 'test_pass_rate',
    sourceTestId: 'ai-system-risks-assessed',
    frequency: 'weekly',
    owner: 'head-model-risk',
  },
];

interface DemoPlanItem {
  subject: string;
  method: string;
  frequency: 'continuous' | 'weekly' | 'monthly' | 'quarterly';
  analyst: string;
  analysisSchedule: string;
  requirementRefs: string[];
  testIds: string[];
  objectives: string[];
  /** Days since the last analysis, with its notes. */
  analysed?: [number, string];
}

const PLAN: DemoPlanItem[] = [
  {
    subject: 'Credit scoring model performance',
    method: 'Accuracy and AUC from each evaluation run against the thresholds agreed at approval.',
    frequency: 'monthly',
    analyst: 'lead-ds-credit',
    analysisSchedule: 'Monthly model risk committee',
    requirementRefs: ['9.1', 'A.6.2.6'],
    testIds: ['model-evaluation-meets-thresholds', 'metric-model-accuracy'],
    objectives: [],
    analysed: [12, 'Accuracy within thresholds after the Q3 retraining; no action.'],
  },
  {
    subject: 'Fairness of credit decisions',
    method: 'Four-fifths rule on approval rates by age band; the gap tracked as an objective.',
    frequency: 'monthly',
    analyst: 'head-model-risk',
    analysisSchedule: 'Monthly model risk committee',
    requirementRefs: ['9.1', '6.2', 'A.5.4'],
    testIds: ['bias-audit-four-fifths', 'metric-model-fairness-ratio'],
    objectives: ['fairness'],
    analysed: [6, 'Gap now within target; keep reweighting in the next release.'],
  },
  {
    subject: 'Data and prediction drift',
    method: 'Population stability index of model inputs from Prometheus, alerting above 0.2.',
    frequency: 'continuous',
    analyst: 'mlops-engineer',
    analysisSchedule: 'Weekly MLOps review',
    requirementRefs: ['9.1', 'A.6.2.6'],
    testIds: ['metric-model-psi'],
    objectives: [],
    analysed: [20, 'PSI stable for all production models.'],
  },
  {
    subject: 'AI incidents and their resolution',
    method: 'Incident register: time to resolve, serious incidents reported on time.',
    frequency: 'monthly',
    analyst: 'head-compliance',
    analysisSchedule: 'Monthly at the AI steering meeting',
    requirementRefs: ['9.1', '10.2'],
    testIds: ['org-incidents-resolved-on-time', 'incident-high-severity-resolved-within-30-days'],
    objectives: ['mttr'],
    analysed: [25, 'Resolution time improving; one high-severity incident took 24 days.'],
  },
  {
    subject: 'AI competence and training completion',
    method: 'Training register: current AI literacy training per person and course completion rates.',
    frequency: 'monthly',
    analyst: 'chief-people-officer',
    analysisSchedule: 'Monthly people review',
    requirementRefs: ['9.1', '7.2', '7.3'],
    testIds: ['person-ai-training-current', 'course-completion-rate'],
    objectives: ['training'],
  },
  {
    subject: 'AI policy acknowledgement',
    method: 'Share of staff who acknowledged the AI policy in force.',
    frequency: 'quarterly',
    analyst: 'head-compliance',
    analysisSchedule: 'Quarterly compliance report',
    requirementRefs: ['9.1', '5.2', '7.3'],
    testIds: ['org-ai-policy-acknowledged', 'policy-acknowledged-95'],
    objectives: [],
    analysed: [40, 'Acknowledgement at 91 %; reminders sent to two departments.'],
  },
  {
    subject: 'Documentation of ML repositories',
    method: 'Repository scans for model cards and datasheets.',
    frequency: 'quarterly',
    analyst: 'head-ml-engineering',
    analysisSchedule: 'Quarterly engineering review',
    requirementRefs: ['9.1', '7.5'],
    testIds: ['repository-ml-model-card', 'repository-ml-datasheet'],
    objectives: ['model-cards'],
    analysed: [130, 'Three repositories lacked model cards; owners asked to add them.'],
  },
];

/** Objectives with measurement histories, and the monitoring and measurement plan drawing on them. */
export async function seedObjectives(
  services: Services,
  actor: Actor,
  people: Map<string, string>,
  systems: Map<string, string>,
  today: string,
): Promise<void> {
  const anchor = Math.min(Date.parse(`${today}T09:00:00.000Z`), Date.now());
  const daysAgo = (days: number) => new Date(anchor - days * DAY).toISOString();
  const ids = new Map<string, string>();
  for (const o of OBJECTIVES) {
    const { key, owner, system, dueInDays, history, status, ...fields } = o;
    const created = await services.objectives.create(actor, {
      ...fields,
      ownerId: lookup(people, owner, 'person'),
      aiSystemId: system ? lookup(systems, system, 'AI system') : null,
      dueDate: dueInDays ? new Date(anchor + dueInDays * DAY).toISOString().slice(0, 10) : null,
    });
    ids.set(key, created.id);
    for (const [days, value] of history ?? [])
      await services.objectives.recordMeasurement(actor, created.id, { value, measuredAt: daysAgo(days) });
    if (status) await services.objectives.update(actor, created.id, { status });
  }
  for (const item of PLAN) {
    const { analyst, objectives, analysed, ...fields } = item;
    const created = await services.monitoringPlan.create(actor, {
      ...fields,
      analystId: lookup(people, analyst, 'person'),
      objectiveIds: objectives.map((key) => lookup(ids, key, 'objective')),
    });
    if (analysed)
      await services.monitoringPlan.recordAnalysis(actor, created.id, {
        notes: analysed[1],
        analysedAt: daysAgo(analysed[0]),
      });
  }
}
