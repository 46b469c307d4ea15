import type { UseFormReturnType } from '@mantine/form';
import type { Option } from './labels.js';
import type { RecordKind } from './useRecords.js';

export type FormValues = Record<string, unknown>;
export type RecordFormType = UseFormReturnType<FormValues>;

/**
 * One form field of a register, named exactly as the API names it (dots for nested fields), so the API's
 * field errors land next to it.
 */
export interface FieldConfig {
  name: string;
  label: string;
  type:
    | 'text'
    | 'textarea'
    | 'select'
    | 'score'
    | 'number'
    | 'date'
    | 'switch'
    | 'tags'
    | 'multiselect'
    | 'record'
    | 'records';
  /** Choices of a select or score field. */
  options?: Option[];
  /** The register a record/records field picks from. */
  kind?: RecordKind;
  /** Number fields: accept decimals (amounts, rates) rather than whole numbers only. */
  decimal?: boolean;
  /** An empty input is sent as null (clearing the value) rather than left out. */
  nullable?: boolean;
  required?: boolean;
  description?: string;
  placeholder?: string;
  /** Spans the whole form width (long texts). */
  wide?: boolean;
  /** Called after the user changes the value, e.g. to pre-fill other fields. */
  onChange?: (value: unknown, form: RecordFormType) => void;
}

export function getPath(values: FormValues, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as FormValues | null | undefined)?.[key], values);
}

function setPath(target: FormValues, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as FormValues;
  }
  node[last] = value;
}

/** A record (or defaults) as form values: inputs hold '' for "nothing" and strings for selects. */
export function toFormValues(fields: FieldConfig[], source: object | null | undefined): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = source ? getPath(source as FormValues, field.name) : undefined;
    let input: unknown;
    if (field.type === 'switch') input = Boolean(value);
    else if (field.type === 'tags' || field.type === 'records' || field.type === 'multiselect')
      input = Array.isArray(value) ? value : [];
    else if (field.type === 'score') input = value === null || value === undefined ? null : String(value);
    else if (field.type === 'select' || field.type === 'record') input = value ?? null;
    else input = value ?? '';
    setPath(values, field.name, input);
  }
  return values;
}

function toApiValue(field: FieldConfig, input: unknown): unknown {
  const empty = input === '' || input === null || input === undefined;
  if (
    field.type === 'switch' ||
    field.type === 'tags' ||
    field.type === 'records' ||
    field.type === 'multiselect'
  )
    return input;
  if (empty)
    return field.nullable ? null : field.type === 'text' || field.type === 'textarea' ? '' : undefined;
  if (field.type === 'score' || field.type === 'number') return Number(input);
  return input;
}

/**
 * The request body: on create, every filled-in field; on edit (`initial` given), only the fields the user
 * changed, so a save never overwrites what someone else changed meanwhile in another field.
 */
export function toBody(fields: FieldConfig[], values: FormValues, initial?: FormValues): FormValues {
  const body: FormValues = {};
  for (const field of fields) {
    const value = toApiValue(field, getPath(values, field.name));
    if (value === undefined) continue;
    if (initial) {
      const before = toApiValue(field, getPath(initial, field.name));
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
    } else if (!field.required && (value === null || value === '' || (Array.isArray(value) && !value.length)))
      continue;
    setPath(body, field.name, value);
  }
  return body;
}
