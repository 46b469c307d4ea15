import type { components } from '../../api/schema.js';
import type { FieldConfig } from '../registers/fields.js';
import { enumOptions, LEVEL_COLOURS } from '../registers/labels.js';

export type Incident = components['schemas']['Incident'];
export type IncidentNotification = components['schemas']['IncidentNotification'];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const INCIDENT_STATUSES = ['open', 'investigating', 'contained', 'resolved', 'closed'] as const;
export const HARM_TYPES = [
  'health_safety',
  'fundamental_rights',
  'discrimination',
  'privacy',
  'property_environment',
  'critical_infrastructure',
  'financial',
  'reputational',
  'security',
  'other',
] as const;
export const SERIOUS_CATEGORIES = [
  { value: 'general', label: 'General (15 days)' },
  { value: 'death', label: 'Death of a person (10 days)' },
  {
    value: 'widespread_or_critical_infrastructure',
    label: 'Widespread infringement or critical infrastructure (2 days)',
  },
];

export const SEVERITY_COLOURS = LEVEL_COLOURS;
export const STATUS_COLOURS: Record<string, string> = {
  open: 'red',
  investigating: 'orange',
  contained: 'yellow',
  resolved: 'teal',
  closed: 'gray',
};
export const NOTIFICATION_STATUS_COLOURS: Record<string, string> = {
  none: 'gray',
  pending: 'yellow',
  overdue: 'red',
  done: 'teal',
};

/** What is known when an incident is reported; all of it can change as the investigation goes on. */
export const INCIDENT_FIELDS: FieldConfig[] = [
  { name: 'title', label: 'What happened', type: 'text', required: true, wide: true },
  { name: 'description', label: 'Description', type: 'textarea', wide: true },
  { name: 'severity', label: 'Severity', type: 'select', options: enumOptions(SEVERITIES), required: true },
  { name: 'harmType', label: 'Harm', type: 'select', options: enumOptions(HARM_TYPES), required: true },
  { name: 'aiSystemIds', label: 'Affected AI systems', type: 'records', kind: 'ai-systems', wide: true },
  {
    name: 'serious',
    label: 'Serious incident (EU AI Act Art. 3(49))',
    type: 'switch',
    description: 'Death or serious harm to health, critical infrastructure, fundamental rights, property.',
  },
  {
    name: 'seriousCategory',
    label: 'Serious incident category',
    type: 'select',
    options: SERIOUS_CATEGORIES,
    nullable: true,
    description: 'Decides the Art. 73 reporting deadline.',
  },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
];

/** Written during and after the investigation; both are needed to close the incident. */
export const REVIEW_FIELDS: FieldConfig[] = [
  { name: 'rootCause', label: 'Root cause', type: 'textarea', wide: true },
  { name: 'lessonsLearned', label: 'Lessons learned', type: 'textarea', wide: true },
];

/** "in 3 days", "in 5 h", "2 days overdue": how a deadline reads at a glance. */
export function countdown(hoursLeft: number): string {
  const hours = Math.abs(hoursLeft);
  const amount = hours >= 48 ? `${Math.floor(hours / 24)} days` : `${Math.max(1, Math.floor(hours))} h`;
  return hoursLeft < 0 ? `${amount} overdue` : `${amount} left`;
}
