import { ValidationError } from '../../../lib/errors.js';

/** Default headers per attribute, first match wins; compared after `normalizeHeader`. */
export const FIELDS = {
  employee: {
    email: ['email', 'email_address', 'work_email'],
    name: ['name', 'full_name'],
    firstName: ['first_name', 'given_name'],
    lastName: ['last_name', 'surname', 'family_name'],
    department: ['department'],
    jobTitle: ['job_title', 'title'],
    managerEmail: ['manager_email'],
    employed: ['status', 'employed', 'employment_status'],
    startDate: ['start_date', 'hire_date'],
    endDate: ['end_date', 'termination_date'],
  },
  asset: {
    id: ['asset_id', 'id'],
    name: ['name'],
    category: ['category'],
    ownerEmail: ['owner_email'],
    approved: ['approved'],
    aiCapable: ['ai_capable'],
    location: ['location'],
    lastSeenAt: ['last_seen', 'last_seen_at'],
  },
} as const;

export type CsvResourceType = keyof typeof FIELDS;
export type FieldKey = keyof (typeof FIELDS)['employee'] | keyof (typeof FIELDS)['asset'];

/** The attribute that becomes the externalId, so duplicates are reported against it. */
export const ID_FIELD: Record<CsvResourceType, FieldKey> = { employee: 'email', asset: 'id' };

const REQUIRED: Record<CsvResourceType, readonly FieldKey[]> = {
  employee: ['email'],
  asset: ['id', 'name', 'category'],
};

export interface Column {
  index: number;
  /** As written in the file, for messages. */
  header: string;
}

export type Columns = Partial<Record<FieldKey, Column>>;

/** "Job Title", "job_title", "job-title" and "jobTitle" all read "jobtitle". */
export const normalizeHeader = (header: string): string => header.toLowerCase().replace(/[\s_-]+/g, '');

const fieldsOf = (type: CsvResourceType) =>
  Object.entries(FIELDS[type]) as Array<[FieldKey, readonly string[]]>;
const defaultHeader = (type: CsvResourceType, field: FieldKey) =>
  fieldsOf(type).find(([key]) => key === field)?.[1][0] ?? field;

/** The attribute a `columns` setting key names: its own name or any of its default headers. */
export function fieldForKey(type: CsvResourceType, key: string): FieldKey | undefined {
  const wanted = normalizeHeader(key);
  return fieldsOf(type).find(([field, aliases]) =>
    [field, ...aliases].some((a) => normalizeHeader(a) === wanted),
  )?.[0];
}

/** Finds each attribute's column; a missing required column refuses the whole file. */
export function resolveColumns(
  type: CsvResourceType,
  headers: readonly string[],
  overrides: Record<string, string> = {},
): Columns {
  const normalized = headers.map(normalizeHeader);
  const columns: Columns = {};
  const problems: string[] = [];
  const claim = (field: FieldKey, index: number) => {
    columns[field] = { index, header: headers[index] ?? '' };
  };

  for (const [key, header] of Object.entries(overrides)) {
    const field = fieldForKey(type, key);
    const index = normalized.indexOf(normalizeHeader(header));
    if (field === undefined) problems.push(`the column setting "${key}" is not an ${type} attribute`);
    else if (index === -1) problems.push(`column "${header}" (set for ${field}) is not in the file`);
    else claim(field, index);
  }
  const claimed = new Set(Object.values(columns).map((c) => c.index));
  for (const [field, aliases] of fieldsOf(type)) {
    if (columns[field] !== undefined) continue;
    const index = aliases
      .map((alias) => normalized.findIndex((h, i) => h === normalizeHeader(alias) && !claimed.has(i)))
      .find((i) => i !== -1);
    if (index !== undefined) claim(field, index);
  }

  for (const field of REQUIRED[type]) {
    if (columns[field] === undefined) {
      problems.push(`missing required column "${defaultHeader(type, field)}"`);
    }
  }
  if (type === 'employee' && columns.name === undefined && !(columns.firstName && columns.lastName)) {
    problems.push('missing required column "name" (or "first_name" and "last_name")');
  }
  if (problems.length > 0) {
    const found = headers.filter((h) => h !== '').map((h) => `"${h}"`);
    const message = `${problems.join('; ')}. Headers found: ${found.join(', ') || 'none'}.`;
    throw ValidationError.field('file', message.charAt(0).toUpperCase() + message.slice(1));
  }
  return columns;
}
