import type { components } from '../../api/schema.js';

export type OwnedRecord = components['schemas']['OwnedRecord'];
export type EntityType = OwnedRecord['entityType'];

export const RACI = ['responsible', 'accountable', 'consulted', 'informed'] as const;
export const RACI_COLOURS: Record<string, string> = {
  responsible: 'blue',
  accountable: 'grape',
  consulted: 'teal',
  informed: 'gray',
};

export const ENTITY_LABELS: Record<EntityType, string> = {
  ai_system: 'AI system',
  dataset: 'Dataset',
  vendor: 'Vendor',
  risk: 'Risk',
  control: 'Control',
  evidence: 'Evidence',
  context_issue: 'Context issue',
  interested_party: 'Interested party',
  integration: 'Integration',
  test: 'Test',
  issue: 'Issue',
  policy: 'Policy',
  course: 'Course',
  incident: 'Incident',
};

export const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }));

/** Where each kind of record opens in the application (its list, with the record's drawer when it has one). */
const LINKS: Record<EntityType, (id: string) => string> = {
  ai_system: (id) => `/ai-systems/${id}`,
  dataset: (id) => `/datasets?dataset=${id}`,
  vendor: (id) => `/vendors?vendor=${id}`,
  risk: (id) => `/risks?risk=${id}`,
  control: (id) => `/controls?control=${id}`,
  evidence: (id) => `/evidence?evidence=${id}`,
  context_issue: () => '/scope?tab=issues',
  interested_party: () => '/scope?tab=parties',
  integration: () => '/integrations',
  test: (id) => `/tests/${id}`,
  issue: (id) => `/issues?issue=${id}`,
  policy: (id) => `/policies/${id}`,
  course: (id) => `/training?course=${id}`,
  incident: (id) => `/incidents?incident=${id}`,
};

export const recordLink = (record: Pick<OwnedRecord, 'entityType' | 'id'>) =>
  LINKS[record.entityType](encodeURIComponent(record.id));
