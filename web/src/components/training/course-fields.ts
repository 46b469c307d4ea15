import type { FieldConfig } from '../registers/fields.js';
import { enumOptions } from '../registers/labels.js';

export const ROLES = ['admin', 'manager', 'contributor', 'auditor', 'member'] as const;

/** A course's fields, named as the API names them so its field errors land next to them. */
export const COURSE_FIELDS: FieldConfig[] = [
  { name: 'title', label: 'Title', type: 'text', required: true, wide: true },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'active', label: 'Active (can be assigned)', type: 'switch' },
  {
    name: 'audienceRoles',
    label: 'Audience roles',
    type: 'multiselect',
    options: enumOptions(ROLES),
  },
  {
    name: 'audienceDepartments',
    label: 'Audience departments',
    type: 'tags',
    description: 'Leave empty for every department.',
  },
  {
    name: 'recurrenceMonths',
    label: 'Repeat every (months)',
    type: 'number',
    nullable: true,
    description: 'Completing it assigns the next cycle; empty for a one-off course.',
  },
  { name: 'durationMinutes', label: 'Duration (minutes)', type: 'number', nullable: true },
  { name: 'passScore', label: 'Pass score (0–100)', type: 'number', nullable: true },
  { name: 'isoRefs', label: 'ISO references', type: 'tags' },
  {
    name: 'materialUrl',
    label: 'Material link',
    type: 'text',
    nullable: true,
    placeholder: 'https://…',
    wide: true,
  },
  { name: 'description', label: 'Description', type: 'textarea', wide: true },
  { name: 'material', label: 'Material (Markdown)', type: 'textarea', wide: true },
];

/** Facts shown in a course's drawer; the material is rendered as Markdown beneath them. */
export const COURSE_FACTS = COURSE_FIELDS.filter((f) => f.name !== 'material');

export const COURSE_DEFAULTS = { active: true, audienceRoles: [...ROLES] };

export const ROLE_OPTIONS = enumOptions(ROLES);
