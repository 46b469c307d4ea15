import { ValidationError } from '../../../lib/errors.js';
import type { CollectedResource } from '../integration.js';
import { ID_FIELD, resolveColumns } from './columns.js';
import type { CsvConfig } from './config.js';
import { readRows } from './read-rows.js';
import { assetResource, employeeResource, RowRejected, rowReader } from './to-resource.js';

export interface CsvRejection {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** The header as written in the file; null when the whole row is unreadable. */
  field: string | null;
  value: string | null;
  message: string;
}

export interface CsvImportReport {
  resources: CollectedResource[];
  accepted: number;
  rejected: CsvRejection[];
  totalRows: number;
}

/**
 * Reads a CSV export into resources of `config.resourceType`. Bad rows are reported and left out; a file that
 * cannot be read as a whole (empty, a required column missing, broken quoting) throws a ValidationError.
 * `now` decides whether an end date has passed.
 */
export function importCsv(config: CsvConfig, text: string, now: Date = new Date()): CsvImportReport {
  const table = readRows(text, config.delimiter);
  const columns = resolveColumns(config.resourceType, table.header.cells, config.columns);
  const totalRows = table.rows.length + table.malformed.length;
  if (totalRows === 0) throw ValidationError.field('file', 'The file has a header row but no data rows.');

  const today = now.toISOString().slice(0, 10);
  const idField = ID_FIELD[config.resourceType];
  const rejected: CsvRejection[] = table.malformed.map(({ line, message }) => ({
    line,
    field: null,
    value: null,
    message,
  }));
  const resources: CollectedResource[] = [];
  const firstLines = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    try {
      const row = rowReader(cells, columns);
      const resource = config.resourceType === 'employee' ? employeeResource(row, today) : assetResource(row);
      const firstLine = firstLines.get(resource.externalId);
      if (firstLine !== undefined) {
        throw row.reject(idField, `"${resource.externalId}" already appears on line ${firstLine}.`);
      }
      firstLines.set(resource.externalId, line);
      resources.push(resource);
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
      rejected.push({ line, field: error.field, value: error.value, message: error.message });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { resources, accepted: resources.length, rejected, totalRows };
}
