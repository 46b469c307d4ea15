import type { components } from '../../api/schema.js';
import type { FieldConfig } from '../registers/fields.js';
import { enumOptions, type Option } from '../registers/labels.js';

export type Objective = components['schemas']['Objective'];
export type Measurement = components['schemas']['ObjectiveMeasurement'];
export type PlanItem = components['schemas']['MonitoringPlanItem'];

export const SOURCES = ['manual', 'test_pass_rate', 'prometheus'] as const;
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const PLAN_FREQUENCIES = ['continuous', 'daily', ...FREQUENCIES] as const;
export const OBJECTIVE_STATUSES = ['active', 'achieved', 'missed', 'cancelled'] as const;
export const STANDINGS = ['measured', 'measurement_due', 'no_measurements'] as const;

export const SOURCE_LABELS: Record<string, string> = {
  manual: 'Recorded by hand',
  test_pass_rate: 'Monitoring test pass rate',
  prometheus: 'Prometheus query',
};
export const DIRECTION_OPTIONS: Option[] = [
  { value: 'at_least', label: 'At least the target (higher is better)' },
  { value: 'at_most', label: 'At most the target (lower is better)' },
];
export const ATTAINMENT_COLOURS: Record<string, string> = { met: 'teal', not_met: 'red', no_data: 'gray' };
export const STANDING_COLOURS: Record<string, string> = {
  measured: 'teal',
  measurement_due: 'orange',
  no_measurements: 'gray',
};
export const RESULT_COLOURS: Record<string, string> = { ok: 'teal', attention: 'red', no_data: 'gray' };
export const ANALYSIS_COLOURS: Record<string, string> = {
  analysed: 'teal',
  overdue: 'red',
  never_analysed: 'gray',
};

/** "≥ 95 %", "≤ 2 pp": a target as it reads. */
export function targetText(o: { direction: string; target: number; unit: string }): string {
  return `${o.direction === 'at_least' ? '≥' : '≤'} ${o.target} ${o.unit}`.trim();
}

/** The objective form; the source settings shown are those of the chosen source. */
export function objectiveFields(
  source: string,
  options: { tests: Option[]; integrations: Option[] },
): FieldConfig[] {
  const common: FieldConfig[] = [
    { name: 'title', label: 'Objective', type: 'text', required: true, wide: true },
    { name: 'metric', label: 'What is measured', type: 'text', required: true, wide: true },
    { name: 'description', label: 'Why it matters', type: 'textarea', wide: true },
    { name: 'direction', label: 'Direction', type: 'select', options: DIRECTION_OPTIONS, required: true },
    { name: 'target', label: 'Target', type: 'text', required: true },
    { name: 'unit', label: 'Unit', type: 'text', placeholder: '%, days, pp…' },
    { name: 'baseline', label: 'Baseline', type: 'text', nullable: true },
    {
      name: 'source',
      label: 'Measured from',
      type: 'select',
      options: SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] ?? value })),
      required: true,
    },
    {
      name: 'frequency',
      label: 'Measured',
      type: 'select',
      options: enumOptions(FREQUENCIES),
      required: true,
    },
  ];
  const bySource: FieldConfig[] =
    source === 'test_pass_rate'
      ? [
          {
            name: 'sourceTestId',
            label: 'Monitoring test',
            type: 'select',
            options: options.tests,
            wide: true,
          },
        ]
      : source === 'prometheus'
        ? [
            {
              name: 'sourceIntegrationId',
              label: 'Prometheus integration',
              type: 'select',
              options: options.integrations,
            },
            {
              name: 'sourceQuery',
              label: 'PromQL query',
              type: 'textarea',
              wide: true,
              description: 'Must return a single value, e.g. avg(model_accuracy) * 100.',
            },
          ]
        : [];
  return [
    ...common,
    ...bySource,
    { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
    { name: 'aiSystemId', label: 'AI system', type: 'record', kind: 'ai-systems', nullable: true },
    { name: 'dueDate', label: 'Achieve by', type: 'date', nullable: true },
    { name: 'status', label: 'Status', type: 'select', options: enumOptions(OBJECTIVE_STATUSES) },
  ];
}

export function planFields(options: { tests: Option[]; objectives: Option[] }): FieldConfig[] {
  return [
    { name: 'subject', label: 'What is monitored', type: 'text', required: true, wide: true },
    { name: 'method', label: 'Method', type: 'textarea', wide: true },
    {
      name: 'frequency',
      label: 'Frequency',
      type: 'select',
      options: enumOptions(PLAN_FREQUENCIES),
      required: true,
    },
    { name: 'analystId', label: 'Analyst', type: 'record', kind: 'people', nullable: true },
    { name: 'analysisSchedule', label: 'Analysed when', type: 'text', wide: true },
    { name: 'requirementRefs', label: 'Requirements', type: 'tags', placeholder: '9.1, A.6.2.6', wide: true },
    { name: 'testIds', label: 'Monitoring tests', type: 'multiselect', options: options.tests, wide: true },
    {
      name: 'objectiveIds',
      label: 'Objectives',
      type: 'multiselect',
      options: options.objectives,
      wide: true,
    },
  ];
}

/**
 * Targets and values may be decimal or negative, which the shared number input does not take: they are typed
 * as text and sent as numbers (anything unreadable is sent as typed, so the API names the field).
 */
export function withNumbers(body: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out = { ...body };
  for (const name of names) {
    const value = out[name];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const parsed = Number(value.replace(',', '.'));
    if (Number.isFinite(parsed)) out[name] = parsed;
  }
  return out;
}
