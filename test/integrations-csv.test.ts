import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../src/lib/errors.js';
import { type CsvConfig, csvIntegration, importCsv } from '../src/monitoring/integrations/csv/index.js';
import { csvResourceTypes } from '../src/monitoring/integrations/csv/resource-types.js';
import { IntegrationError } from '../src/monitoring/integrations/integration.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const employees: CsvConfig = { resourceType: 'employee' };
const assets: CsvConfig = { resourceType: 'asset' };

const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

function expectValidAttributes(resources: { type: string; attributes: Record<string, unknown> }[]): void {
  for (const resource of resources) {
    const schema = csvResourceTypes[resource.type]?.attributes;
    expect(schema?.safeParse(resource.attributes).success, JSON.stringify(resource)).toBe(true);
  }
}

/** Runs `fn` expecting a ValidationError on `file` and returns its message. */
function fileError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    const errors = (error as ValidationError).errors ?? [];
    expect(errors[0]?.field).toBe('file');
    return errors[0]?.message ?? '';
  }
  throw new Error('expected a ValidationError');
}

describe('importCsv: employees', () => {
  it('reads an HR export into employee resources', () => {
    const report = importCsv(
      employees,
      csv(
        'Email,First Name,Last Name,Department,Title,Manager_Email,Status,Start Date,End Date',
        'Ada@Example.com,Ada,Lovelace,Risk,Analyst,boss@example.com,active,2021-04-01,',
        'bob@example.com,Bob,Stone,IT,,,,2020-01-01,2026-01-31',
        'cy@example.com,Cy,,Legal,Counsel,,yes,2019-05-02T09:00:00Z,2027-01-01',
        'di@example.com,Di,Ray,Ops,,,terminated,20180102,',
      ),
      NOW,
    );
    expect(report).toMatchObject({ accepted: 4, totalRows: 4, rejected: [] });
    expectValidAttributes(report.resources);
    expect(report.resources[0]).toEqual({
      type: 'employee',
      externalId: 'ada@example.com',
      name: 'Ada Lovelace',
      attributes: {
        email: 'ada@example.com',
        department: 'Risk',
        jobTitle: 'Analyst',
        managerEmail: 'boss@example.com',
        employed: true,
        startDate: '2021-04-01',
        endDate: null,
      },
    });
    // No status and an end date that has passed: left. A future end date: still employed.
    expect(report.resources.map((r) => r.attributes.employed)).toEqual([true, false, true, false]);
    expect(report.resources[2]).toMatchObject({ name: 'Cy', attributes: { startDate: '2019-05-02' } });
    expect(report.resources[3]?.attributes.startDate).toBe('2018-01-02');
  });

  it('derives employed from the end date when the file has no status column', () => {
    const report = importCsv(
      employees,
      csv('email,name,end_date', 'a@x.io,A,2026-06-14', 'b@x.io,B,2026-06-15', 'c@x.io,C,'),
      NOW,
    );
    expect(report.resources.map((r) => r.attributes.employed)).toEqual([false, true, true]);
  });

  it('detects semicolons, strips a BOM and reads CRLF line endings', () => {
    const text = '\uFEFFemail;name;department\r\na@x.io;A;"Risk; Compliance"\r\nb@x.io;B;IT\r\n';
    const report = importCsv(employees, text, NOW);
    expect(report.accepted).toBe(2);
    expect(report.resources[0]?.attributes.department).toBe('Risk; Compliance');
    expect(report.resources[0]?.attributes.email).toBe('a@x.io');
  });

  it('uses the configured delimiter', () => {
    const report = importCsv({ ...employees, delimiter: '\t' }, 'email\tname\na@x.io\tA, B\n', NOW);
    expect(report.resources[0]?.name).toBe('A, B');
  });

  it('maps columns the defaults do not recognise', () => {
    const config: CsvConfig = {
      resourceType: 'employee',
      columns: { email: 'Work E-Mail', name: 'Full Name', job_title: 'Role', employed: 'Active?' },
    };
    expect(csvIntegration.configSchema.safeParse(config).success).toBe(true);
    const report = importCsv(config, csv('Work E-Mail,Full Name,Role,Active?', 'a@x.io,A A,CTO,no'), NOW);
    expect(report.resources[0]).toMatchObject({
      externalId: 'a@x.io',
      name: 'A A',
      attributes: { jobTitle: 'CTO', employed: false },
    });
  });

  it('keeps quoted commas and newlines, and later line numbers still match the file', () => {
    const report = importCsv(
      employees,
      csv(
        'email,name,department',
        'a@x.io,"Lovelace, Ada","Risk',
        'and Compliance"',
        '',
        'not-an-email,B,IT',
      ),
      NOW,
    );
    expect(report.resources[0]).toMatchObject({ name: 'Lovelace, Ada' });
    expect(report.resources[0]?.attributes.department).toBe('Risk\nand Compliance');
    expect(report.rejected).toEqual([
      { line: 5, field: 'email', value: 'not-an-email', message: expect.stringContaining('email address') },
    ]);
  });

  it('reports every rejected row with its line, field and value', () => {
    const report = importCsv(
      employees,
      csv(
        'email,name,status,start_date',
        'ok@x.io,Ok,active,2024-01-01',
        'bad-email,Bad,active,2024-01-01',
        'b@x.io,B,maybe,2024-01-01',
        'c@x.io,C,active,03/04/2025',
        'd@x.io,D,active',
        'OK@x.io,Dup,active,2024-01-01',
        'e@x.io,,active,2024-01-01',
        'f@x.io,F,yes,2025-02-30',
      ),
      NOW,
    );
    expect(report.accepted).toBe(1);
    expect(report.totalRows).toBe(8);
    expect(report.rejected).toEqual([
      { line: 3, field: 'email', value: 'bad-email', message: expect.stringContaining('email address') },
      { line: 4, field: 'status', value: 'maybe', message: expect.stringContaining('yes/no') },
      { line: 5, field: 'start_date', value: '03/04/2025', message: expect.stringContaining('ambiguous') },
      { line: 6, field: null, value: null, message: expect.stringContaining('3 columns') },
      { line: 7, field: 'email', value: 'OK@x.io', message: expect.stringContaining('line 2') },
      { line: 8, field: 'name', value: '', message: expect.stringContaining('name is required') },
      { line: 9, field: 'start_date', value: '2025-02-30', message: expect.stringContaining('calendar') },
    ]);
    expect(report.rejected[2]?.message).toContain('YYYY-MM-DD');
  });

  it('skips blank spreadsheet rows and keeps the row after a malformed one', () => {
    const text = csv('email,name,status', ',,', 'a@x.io,A', ',,,', 'b@x.io,B,yes', ',', 'c@x.io,C,no');
    const report = importCsv(employees, text, NOW);
    expect(report.resources.map((r) => r.externalId)).toEqual(['b@x.io', 'c@x.io']);
    expect(report.rejected).toEqual([{ line: 3, field: null, value: null, message: expect.any(String) }]);
    expect(report.totalRows).toBe(3);
  });

  it('refuses a file without a required column, naming it and the headers found', () => {
    const message = fileError(() => importCsv(employees, csv('Name,Dept', 'A,Risk'), NOW));
    expect(message).toContain('"email"');
    expect(message).toContain('"Name", "Dept"');
    expect(fileError(() => importCsv(employees, csv('email,dept', 'a@x.io,Risk'), NOW))).toContain(
      '"first_name" and "last_name"',
    );
    const mapped = { ...employees, columns: { department: 'Team' } };
    expect(fileError(() => importCsv(mapped, csv('email,name', 'a@x.io,A'), NOW))).toContain('"Team"');
  });

  it('refuses an empty file, a header without rows and broken quoting', () => {
    expect(fileError(() => importCsv(employees, '', NOW))).toMatch(/empty/);
    expect(fileError(() => importCsv(employees, '\uFEFF\n \n', NOW))).toMatch(/empty/);
    expect(fileError(() => importCsv(employees, csv('email,name'), NOW))).toMatch(/no data rows/);
    const unclosed = csv('email,name', 'a@x.io,A', 'b@x.io,"B', 'c@x.io,C');
    expect(fileError(() => importCsv(employees, unclosed, NOW))).toMatch(/^Line 3: .*never closed/);
    const misplaced = csv('email,name', 'a@x.io,A', 'b@x.io,"B"x', 'c@x.io,C');
    expect(fileError(() => importCsv(employees, misplaced, NOW))).toMatch(/^Line 3: misplaced quote/);
  });
});

describe('importCsv: assets', () => {
  it('reads an IT inventory into asset resources', () => {
    const report = importCsv(
      assets,
      csv(
        'Asset ID,Name,Category,Owner Email,Approved,AI-Capable,Location,Last Seen',
        'GPU-1,DGX node,gpu,Ops@Example.com,yes,yes,EU,2026-05-01',
        'SAAS-7,ChatGPT,saas-ai-tool,,no,true,,2026-06-01T08:00:00+02:00',
        'LAP-3,Laptop,laptop,,,,,',
      ),
      NOW,
    );
    expect(report).toMatchObject({ accepted: 3, totalRows: 3, rejected: [] });
    expectValidAttributes(report.resources);
    expect(report.resources[0]).toEqual({
      type: 'asset',
      externalId: 'GPU-1',
      name: 'DGX node',
      attributes: {
        category: 'gpu',
        ownerEmail: 'ops@example.com',
        approved: true,
        aiCapable: true,
        location: 'EU',
        lastSeenAt: '2026-05-01',
      },
    });
    expect(report.resources[1]?.attributes).toMatchObject({ approved: false, lastSeenAt: '2026-06-01' });
    expect(report.resources[2]?.attributes).toMatchObject({ approved: false, aiCapable: false });
  });

  it('rejects duplicate ids and missing required values', () => {
    const report = importCsv(assets, csv('id,name,category', 'A,One,gpu', 'B,,gpu', 'A,Again,gpu'), NOW);
    expect(report.rejected).toEqual([
      { line: 3, field: 'name', value: '', message: 'name is required.' },
      { line: 4, field: 'id', value: 'A', message: '"A" already appears on line 2.' },
    ]);
  });

  it('refuses a file without the category column', () => {
    expect(fileError(() => importCsv(assets, csv('asset_id,name', 'A,One'), NOW))).toContain('"category"');
  });
});

describe('csv config', () => {
  const { configSchema } = csvIntegration;

  it('accepts the documented settings and refuses the rest with clear messages', () => {
    const full = { resourceType: 'asset', path: '/srv/assets.csv', delimiter: ';', columns: { id: 'Tag' } };
    expect(configSchema.parse(full)).toEqual(full);
    const messages = (input: unknown) =>
      configSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages({ resourceType: 'person' })).toEqual([
      'resourceType: resourceType must be "employee" or "asset".',
    ]);
    expect(messages({ resourceType: 'asset', path: 'assets.csv' })[0]).toContain('absolute path');
    expect(messages({ resourceType: 'asset', delimiter: '|' })[0]).toContain('delimiter must be');
    expect(messages({ resourceType: 'asset', columns: { colour: 'Colour' } })[0]).toMatch(
      /^columns\.colour: .*not an asset attribute; use one of: id, name/,
    );
    expect(messages({ resourceType: 'asset', extra: 1 })).toHaveLength(1);
  });
});

describe('csv collect()', () => {
  let dir: string;
  const context = (config: CsvConfig) => ({
    config,
    secrets: {},
    db: undefined as never,
    now: NOW,
    signal: new AbortController().signal,
  });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'openaims-csv-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns null without a path: uploads are left alone', async () => {
    await expect(csvIntegration.collect(context(employees))).resolves.toBeNull();
  });

  it('reads the file at the path on each sync', async () => {
    const file = path.join(dir, 'people.csv');
    await writeFile(file, csv('email,name', 'a@x.io,A', 'bad,B', 'c@x.io,C'));
    const resources = await csvIntegration.collect(context({ ...employees, path: file }));
    expect(resources?.map((r) => r.externalId)).toEqual(['a@x.io', 'c@x.io']);
    expectValidAttributes(resources ?? []);
  });

  it('names the path when the file is missing', async () => {
    const file = path.join(dir, 'missing.csv');
    const collecting = csvIntegration.collect(context({ ...employees, path: file }));
    await expect(collecting).rejects.toThrow(IntegrationError);
    await expect(collecting).rejects.toThrow(file);
  });

  it('refuses a mostly broken export instead of wiping resources', async () => {
    const file = path.join(dir, 'broken.csv');
    await writeFile(file, csv('email,name', 'a@x.io,A', 'x,B', 'y,C'));
    const collecting = csvIntegration.collect(context({ ...employees, path: file }));
    await expect(collecting).rejects.toThrow(IntegrationError);
    await expect(collecting).rejects.toThrow(/2 of 3 rows rejected.*line 3 \(email\)/);
  });

  it('turns a file it cannot read as a whole into an IntegrationError', async () => {
    const file = path.join(dir, 'headers.csv');
    await writeFile(file, csv('name', 'A'));
    await expect(csvIntegration.collect(context({ ...employees, path: file }))).rejects.toThrow(
      /headers\.csv: Missing required column "email"/,
    );
  });
});
