import { describe, expect, it } from 'vitest';
import { type FieldConfig, toBody, toFormValues } from './fields.js';

const FIELDS: FieldConfig[] = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  { name: 'likelihood', label: 'Likelihood', type: 'score' },
  { name: 'tags', label: 'Tags', type: 'tags' },
  { name: 'approved', label: 'Approved', type: 'switch' },
  { name: 'review.dueOn', label: 'Due', type: 'date', nullable: true },
  { name: 'notes', label: 'Notes', type: 'textarea' },
];

describe('register form values', () => {
  it('turns a record into inputs: empty strings, string scores, arrays and nested paths', () => {
    const values = toFormValues(FIELDS, {
      name: 'Fraud model',
      ownerId: null,
      likelihood: 3,
      tags: ['payments'],
      approved: true,
      review: { dueOn: '2027-01-31' },
    });
    expect(values).toEqual({
      name: 'Fraud model',
      ownerId: null,
      likelihood: '3',
      tags: ['payments'],
      approved: true,
      review: { dueOn: '2027-01-31' },
      notes: '',
    });
  });

  it('sends on create only what was filled in, with scores as numbers', () => {
    const values = toFormValues(FIELDS, { name: 'New', likelihood: 2 });
    expect(toBody(FIELDS, values)).toEqual({ name: 'New', likelihood: 2, approved: false });
  });

  it('sends on edit only the changed fields, and a cleared nullable field as null', () => {
    const record = { name: 'Old', ownerId: 'p-1', likelihood: 4, review: { dueOn: '2027-01-31' } };
    const initial = toFormValues(FIELDS, record);
    const values = { ...initial, name: 'Renamed', ownerId: null, review: { dueOn: '' } };
    expect(toBody(FIELDS, values, initial)).toEqual({
      name: 'Renamed',
      ownerId: null,
      review: { dueOn: null },
    });
    expect(toBody(FIELDS, initial, initial)).toEqual({});
  });
});
