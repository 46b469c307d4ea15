import type { FieldConfig } from './fields.js';
import { enumOptions } from './labels.js';

export const CRITICALITY = ['low', 'medium', 'high', 'critical'] as const;
export const DPA_STATUS = ['not_required', 'pending', 'signed', 'expired'] as const;
export const REVIEW_STATUS = ['never_reviewed', 'overdue', 'due_soon', 'current'] as const;
const CONTRACT_STATUS = ['none', 'in_negotiation', 'active', 'expired', 'terminated'] as const;

export const VENDOR_FIELDS: FieldConfig[] = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'website', label: 'Website', type: 'text', nullable: true, placeholder: 'https://…' },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'criticality', label: 'Criticality', type: 'select', options: enumOptions(CRITICALITY) },
  { name: 'contractStatus', label: 'Contract status', type: 'select', options: enumOptions(CONTRACT_STATUS) },
  { name: 'dpaStatus', label: 'DPA status', type: 'select', options: enumOptions(DPA_STATUS) },
  { name: 'lastReviewAt', label: 'Last review', type: 'date', nullable: true },
  {
    name: 'reviewCadenceMonths',
    label: 'Review cadence (months)',
    type: 'number',
    description: 'The next review falls due this long after the last one.',
  },
  { name: 'intendedUseApproved', label: 'Intended use approved', type: 'switch' },
  { name: 'modelsProvided', label: 'Models provided', type: 'tags', wide: true },
  { name: 'services', label: 'Services', type: 'textarea', wide: true },
  { name: 'slaSummary', label: 'SLA summary', type: 'textarea', wide: true },
];

/** The API's own defaults, shown in the create form so the choices are visible. */
export const VENDOR_DEFAULTS = {
  criticality: 'medium',
  contractStatus: 'none',
  dpaStatus: 'pending',
  reviewCadenceMonths: 12,
};
