import type { FieldConfig } from './fields.js';

export const PERSON_FIELDS: FieldConfig[] = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'email', label: 'Email', type: 'text', required: true },
  { name: 'jobTitle', label: 'Job title', type: 'text', nullable: true },
  { name: 'department', label: 'Department', type: 'text', nullable: true },
  { name: 'managerId', label: 'Manager', type: 'record', kind: 'people', nullable: true },
  { name: 'active', label: 'Active', type: 'switch' },
];

export const PERSON_DEFAULTS = { active: true };
