import type { FieldConfig } from './fields.js';
import { enumOptions, type Option } from './labels.js';

export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const RISK_STATUSES = ['identified', 'assessed', 'in_treatment', 'accepted', 'closed'] as const;

type Level = { value: number; name: string };

/** "3 – Possible": a 1–5 score named by the organisation's matrix. */
export const scoreOptions = (levels: Level[] | undefined): Option[] =>
  (levels ?? [1, 2, 3, 4, 5].map((value) => ({ value, name: '' }))).map((l) => ({
    value: String(l.value),
    label: l.name ? `${l.value} – ${l.name}` : String(l.value),
  }));

export interface MatrixLevels {
  likelihoodLevels: Level[];
  impactLevels: Level[];
}

export const assessmentFields = (m: MatrixLevels | undefined): FieldConfig[] => [
  { name: 'title', label: 'Title', type: 'text', required: true, wide: true },
  { name: 'likelihood', label: 'Likelihood', type: 'score', options: scoreOptions(m?.likelihoodLevels) },
  { name: 'impact', label: 'Impact', type: 'score', options: scoreOptions(m?.impactLevels) },
  { name: 'aiSystemIds', label: 'AI systems', type: 'records', kind: 'ai-systems', wide: true },
  { name: 'description', label: 'Description', type: 'textarea', wide: true },
];

export const treatmentFields = (m: MatrixLevels | undefined): FieldConfig[] => [
  { name: 'treatment', label: 'Treatment', type: 'select', options: enumOptions(TREATMENTS), nullable: true },
  { name: 'status', label: 'Status', type: 'select', options: enumOptions(RISK_STATUSES) },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'dueDate', label: 'Due date', type: 'date', nullable: true },
  {
    name: 'residualLikelihood',
    label: 'Residual likelihood',
    type: 'score',
    nullable: true,
    options: scoreOptions(m?.likelihoodLevels),
  },
  {
    name: 'residualImpact',
    label: 'Residual impact',
    type: 'score',
    nullable: true,
    options: scoreOptions(m?.impactLevels),
  },
  { name: 'treatmentPlan', label: 'Treatment plan', type: 'textarea', wide: true },
];

export const ACCEPTANCE_FIELDS: FieldConfig[] = [
  { name: 'acceptance.approverId', label: 'Approver', type: 'record', kind: 'people', required: true },
  { name: 'acceptance.acceptedAt', label: 'Accepted on', type: 'date', required: true },
  { name: 'acceptance.expiresAt', label: 'Expires on', type: 'date', required: true },
];
