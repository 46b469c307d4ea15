import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../../lib/errors.js';
import { IntegrationError, type IntegrationKind } from '../integration.js';
import { type CsvConfig, type CsvSecrets, csvConfigSchema, csvSecretsSchema } from './config.js';
import { type CsvImportReport, importCsv } from './import-csv.js';
import { csvResourceTypes } from './resource-types.js';

export type { CsvConfig, CsvSecrets } from './config.js';
export { csvConfigSchema } from './config.js';
export type { CsvImportReport, CsvRejection } from './import-csv.js';
export { importCsv } from './import-csv.js';

export const csvIntegration: IntegrationKind<CsvConfig, CsvSecrets> = {
  kind: 'csv',
  title: 'CSV import',
  description:
    'Employees (an HR export) or assets (an IT inventory) from a CSV file, uploaded or read from a path on the server at each sync.',
  configSchema: csvConfigSchema,
  secretsSchema: csvSecretsSchema,
  resourceTypes: csvResourceTypes,
  defaultSchedule: '0 2 * * *',
  async collect({ config, now, signal }) {
    // Upload-only: resources arrive through the upload route, and a sync must not touch them.
    if (config.path === undefined) return null;
    const report = importFile(config, config.path, await readCsv(config.path, signal), now);
    // A broken export must not wipe the resources: refuse it rather than sync the few rows that passed.
    if (report.rejected.length * 2 > report.totalRows) {
      const first = report.rejected
        .slice(0, 3)
        .map((r) => `line ${r.line}${r.field === null ? '' : ` (${r.field})`}: ${r.message}`);
      throw new IntegrationError(
        `${config.path}: ${report.rejected.length} of ${report.totalRows} rows rejected, nothing was synced. ${first.join(' ')}`,
      );
    }
    return report.resources;
  },
};

async function readCsv(path: string, signal: AbortSignal): Promise<string> {
  try {
    return await readFile(path, { encoding: 'utf8', signal });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new IntegrationError(`CSV file not found: ${path}`);
    if (code !== undefined && code !== 'ABORT_ERR') {
      throw new IntegrationError(`Cannot read the CSV file ${path}: ${(error as Error).message}`);
    }
    throw error;
  }
}

function importFile(config: CsvConfig, path: string, text: string, now: Date): CsvImportReport {
  try {
    return importCsv(config, text, now);
  } catch (error) {
    if (error instanceof ValidationError) {
      const detail = error.errors?.map((e) => e.message).join(' ') ?? error.message;
      throw new IntegrationError(`${path}: ${detail}`);
    }
    throw error;
  }
}
