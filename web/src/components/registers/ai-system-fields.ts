import type { FieldConfig } from './fields.js';
import { enumOptions } from './labels.js';

export const STAGES = ['idea', 'design', 'development', 'validation', 'deployed', 'retired'] as const;
export const TIERS = ['prohibited', 'high', 'limited', 'minimal', 'gpai', 'unassessed'] as const;
const ROLES = ['provider', 'deployer', 'developer', 'user'] as const;
const AUTONOMY = ['advisory', 'human_in_the_loop', 'human_on_the_loop', 'fully_automated'] as const;

/** What a new AI system needs to be useful in the inventory. */
export const AI_SYSTEM_FIELDS: FieldConfig[] = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'lifecycleStage', label: 'Lifecycle stage', type: 'select', options: enumOptions(STAGES) },
  { name: 'organisationRole', label: 'Organisation role', type: 'select', options: enumOptions(ROLES) },
  {
    name: 'riskTier',
    label: 'EU AI Act risk tier',
    type: 'select',
    options: enumOptions(TIERS).map((o) => (o.value === 'gpai' ? { ...o, label: 'GPAI' } : o)),
  },
  {
    name: 'decisionAutonomy',
    label: 'Decision autonomy',
    type: 'select',
    options: enumOptions(AUTONOMY),
    nullable: true,
  },
  { name: 'description', label: 'Description', type: 'textarea', wide: true },
  { name: 'intendedPurpose', label: 'Intended purpose', type: 'textarea', wide: true },
  { name: 'humanOversight', label: 'Human oversight', type: 'textarea', wide: true },
];

/** Editing an existing system also covers its context, links and review dates. */
export const AI_SYSTEM_EDIT_FIELDS: FieldConfig[] = [
  ...AI_SYSTEM_FIELDS,
  { name: 'businessUnit', label: 'Business unit', type: 'text' },
  { name: 'deploymentEnvironment', label: 'Deployment environment', type: 'text' },
  { name: 'affectedPersons', label: 'Affected persons', type: 'tags', wide: true },
  { name: 'datasetIds', label: 'Datasets', type: 'records', kind: 'datasets', wide: true },
  { name: 'vendorIds', label: 'Vendors', type: 'records', kind: 'vendors', wide: true },
  { name: 'nextReviewDue', label: 'Next review due', type: 'date', nullable: true },
];

/** The API's own defaults, shown in the create form so the choices are visible. */
export const AI_SYSTEM_DEFAULTS = {
  lifecycleStage: 'idea',
  organisationRole: 'deployer',
  riskTier: 'unassessed',
};
