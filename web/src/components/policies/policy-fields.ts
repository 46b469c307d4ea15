import type { FieldConfig, FormValues } from '../registers/fields.js';
import { enumOptions } from '../registers/labels.js';

export const POLICY_STATUSES = ['draft', 'in_review', 'approved', 'published', 'retired'] as const;
export const POLICY_CATEGORIES = [
  'governance',
  'development',
  'use',
  'data',
  'risk',
  'impact',
  'incident',
  'third_party',
  'change',
  'oversight',
  'transparency',
  'other',
] as const;
export const REVIEW_STATUSES = ['not_published', 'overdue', 'due_soon', 'current'] as const;
const ROLES = ['admin', 'manager', 'contributor', 'auditor', 'member'] as const;

export const STATUS_COLOURS: Record<string, string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'blue',
  published: 'teal',
  retired: 'dark',
};
export const REVIEW_COLOURS: Record<string, string> = {
  not_published: 'gray',
  overdue: 'red',
  due_soon: 'yellow',
  current: 'teal',
};

/** Who owns the policy, how often it is reviewed and who must acknowledge it: editable until retired. */
export const POLICY_SETTINGS_FIELDS: FieldConfig[] = [
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'reviewCadenceMonths', label: 'Review every (months)', type: 'number' },
  {
    name: 'audience.roles',
    label: 'Audience roles',
    type: 'multiselect',
    options: enumOptions(ROLES),
    description: 'People with these roles acknowledge each published version.',
    wide: true,
  },
  {
    name: 'audience.departments',
    label: 'Audience departments',
    type: 'tags',
    description: 'Leave empty for every department.',
    wide: true,
  },
];

/** The text itself: editable while the policy is a draft. */
export const POLICY_TEXT_FIELDS: FieldConfig[] = [
  { name: 'title', label: 'Title', type: 'text', required: true },
  { name: 'category', label: 'Category', type: 'select', options: enumOptions(POLICY_CATEGORIES) },
  {
    name: 'changelog',
    label: 'What changes in this version',
    type: 'textarea',
    description: 'Required before publishing any version after the first.',
    wide: true,
  },
  { name: 'body', label: 'Policy text (Markdown)', type: 'textarea', wide: true },
];

/** The API takes an audience whole: send both parts when either changed. */
export const withWholeAudience = (values: FormValues, changed: FormValues): FormValues =>
  changed.audience ? { ...changed, audience: values.audience } : changed;
