import type { CollectedResource } from '../integration.js';
import type { Columns, FieldKey } from './columns.js';
import { InvalidValue, parseBoolean, parseDate, parseEmail } from './values.js';

/** Why one row was left out: `field` is the header as written in the file. */
export class RowRejected extends Error {
  constructor(
    readonly field: string | null,
    readonly value: string | null,
    message: string,
  ) {
    super(message);
  }
}

export type RowReader = ReturnType<typeof rowReader>;

export function rowReader(cells: readonly string[], columns: Columns) {
  const header = (key: FieldKey) => columns[key]?.header ?? key;
  const value = (key: FieldKey) => {
    const column = columns[key];
    return column === undefined ? '' : (cells[column.index] ?? '').trim();
  };
  const optional = <T>(key: FieldKey, parse: (value: string) => T): T | null => {
    const cell = value(key);
    if (cell === '') return null;
    try {
      return parse(cell);
    } catch (error) {
      if (error instanceof InvalidValue) throw new RowRejected(header(key), cell, error.message);
      throw error;
    }
  };
  return {
    text: (key: FieldKey): string | null => value(key) || null,
    optional,
    required: <T>(key: FieldKey, parse: (value: string) => T): T => {
      const parsed = optional(key, parse);
      if (parsed === null) throw new RowRejected(header(key), '', `${header(key)} is required.`);
      return parsed;
    },
    reject: (key: FieldKey, message: string) => new RowRejected(header(key), value(key), message),
  };
}

const asText = (value: string) => value;

export function employeeResource(row: RowReader, today: string): CollectedResource {
  const email = row.required('email', parseEmail);
  const fullName = [row.text('firstName'), row.text('lastName')].filter((part) => part !== null).join(' ');
  const name = row.text('name') ?? (fullName || null);
  if (name === null) throw row.reject('name', 'A name is required.');
  const startDate = row.optional('startDate', parseDate);
  const endDate = row.optional('endDate', parseDate);
  if (startDate !== null && endDate !== null && endDate < startDate) {
    throw row.reject('endDate', `The end date ${endDate} is before the start date ${startDate}.`);
  }
  // Without a status, an end date that has passed means the person has left.
  const employed = row.optional('employed', parseBoolean) ?? !(endDate !== null && endDate < today);
  return {
    type: 'employee',
    externalId: email,
    name,
    attributes: {
      email,
      department: row.text('department'),
      jobTitle: row.text('jobTitle'),
      managerEmail: row.optional('managerEmail', parseEmail),
      employed,
      startDate,
      endDate,
    },
  };
}

export function assetResource(row: RowReader): CollectedResource {
  return {
    type: 'asset',
    externalId: row.required('id', asText),
    name: row.required('name', asText),
    attributes: {
      category: row.required('category', asText),
      ownerEmail: row.optional('ownerEmail', parseEmail),
      // An empty cell is not an approval: unknown tools surface as unapproved (shadow AI) until someone says so.
      approved: row.optional('approved', parseBoolean) ?? false,
      aiCapable: row.optional('aiCapable', parseBoolean) ?? false,
      location: row.text('location'),
      lastSeenAt: row.optional('lastSeenAt', parseDate),
    },
  };
}
