import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';
import { docxXml, pdfText } from './support/documents.js';

const ANNEX_REF = /\bA\.\d+\.\d+(\.\d+)?\b/g;

describe.each(DIALECTS)('Statement of Applicability on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.context.services.scope.revise(admin, { statement: 'All AI systems of the Lending unit.' });
  });
  afterAll(() => t.close());

  const exportFile = (url: string) => t.request('auditor', 'GET', url);

  it('needs the framework in scope, then has one row per Annex A control', async () => {
    expect((await t.request('auditor', 'GET', '/api/soa')).statusCode).toBe(409);
    await t.request('manager', 'PATCH', '/api/frameworks/iso-42001-2023', { inScope: true });
    const soa = (await t.request('auditor', 'GET', '/api/soa')).json();
    expect(soa.rows).toHaveLength(38);
    expect(soa.missingJustifications).toHaveLength(38);
    expect(soa.latestApprovedVersion).toBeNull();
    expect(soa.rows[0]).toMatchObject({
      ref: 'A.2.2',
      applicable: true,
      group: 'A.2 Policies related to AI',
    });
  });

  it('refuses an exclusion without justification and an approval with rows still undecided', async () => {
    const exclusion = await t.request('manager', 'PATCH', '/api/soa/rows/A.10.4', { applicable: false });
    expect(exclusion.statusCode).toBe(422);
    expect(exclusion.json().errors[0].field).toBe('justification');
    expect(
      (await t.request('manager', 'PATCH', '/api/soa/rows/A.99.1', { applicable: true, justification: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request('auditor', 'PATCH', '/api/soa/rows/A.2.2', { applicable: true, justification: 'x' }))
        .statusCode,
    ).toBe(403);
    const approval = await t.request('manager', 'POST', '/api/soa/versions', { changelog: 'First' });
    expect(approval.statusCode).toBe(422);
    expect(approval.json().errors).toHaveLength(38);
  });

  it('exports the draft marked DRAFT while nothing is approved', async () => {
    const csv = await exportFile('/api/soa/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('soa-iso-42001-2023-draft.csv');
    expect(csv.body).toContain('DRAFT');
  });

  it('approves a frozen version, diffs it against the draft, and exports it in four formats', async () => {
    const soa = (await t.request('auditor', 'GET', '/api/soa')).json();
    for (const row of soa.rows) {
      const excluded = row.ref === 'A.10.4';
      const response = await t.request('manager', 'PATCH', `/api/soa/rows/${row.ref}`, {
        applicable: !excluded,
        justification: excluded ? 'We supply no AI to customers.' : `Needed for ${row.title}.`,
      });
      expect(response.statusCode).toBe(200);
    }
    expect(
      (await t.request('manager', 'PUT', '/api/organisation', { name: 'Acme Lending B.V.' })).statusCode,
    ).toBe(200);
    expect((await t.request('manager', 'PUT', '/api/organisation', { name: '' })).statusCode).toBe(422);
    const approved = await t.request('manager', 'POST', '/api/soa/versions', {
      changelog: 'First approved SoA',
    });
    expect(approved.statusCode).toBe(201);
    expect(approved.json()).toMatchObject({
      version: 1,
      approvedBy: 'manager@test.example',
      changelog: 'First approved SoA',
    });

    await t.request('manager', 'PATCH', '/api/soa/rows/A.10.4', {
      applicable: true,
      justification: 'New B2B product.',
    });
    const diff = (await t.request('auditor', 'GET', '/api/soa/diff?from=1')).json();
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ ref: 'A.10.4' });
    expect(diff.changes[0].fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['applicable', 'justification']),
    );
    expect(
      (await t.request('auditor', 'GET', '/api/soa/versions/1'))
        .json()
        .rows.find((r: { ref: string }) => r.ref === 'A.10.4').applicable,
    ).toBe(false);
    expect((await t.request('auditor', 'GET', '/api/soa/versions')).json().items[0]).toMatchObject({
      version: 1,
      applicableCount: 37,
      excludedCount: 1,
    });

    const xlsx = await exportFile('/api/soa/versions/1/export?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('SoA');
    expect(sheet?.rowCount).toBe(39);
    expect(sheet?.getRow(2).getCell(1).value).toBe('A.2.2');
    const cover = workbook.getWorksheet('Cover');
    expect(String(cover?.getCell('B3').value)).toBe('Version 1');
    expect(String(cover?.getCell('B4').value)).toContain('manager@test.example');
    expect(String(cover?.getCell('B6').value)).toContain('Lending unit');
    expect(String(cover?.getCell('B2').value)).toBe('Acme Lending B.V.');

    const docx = await exportFile('/api/soa/versions/1/export?format=docx');
    const xml = await docxXml(docx.rawPayload);
    expect(new Set(xml?.match(ANNEX_REF)).size).toBe(38);
    expect(xml).toContain('Version 1');

    const pdf = await exportFile('/api/soa/versions/1/export?format=pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.rawPayload);
    expect(new Set(text.match(ANNEX_REF)).size).toBe(38);
    expect(text).toContain('Approved by manager@test.example');

    const csv = await exportFile('/api/soa/versions/1/export?format=csv');
    const records = parse(csv.body, { relax_column_count: true, bom: true }) as string[][];
    const rows = records.filter((r) => /^A\.\d/.test(r[0] ?? ''));
    expect(rows).toHaveLength(38);
    expect(rows.find((r) => r[0] === 'A.10.4')?.[2]).toBe('No');

    // Without a version number, the latest approved version is exported, not the changed draft.
    expect((await exportFile('/api/soa/export?format=csv')).headers['content-disposition']).toContain(
      'v1.csv',
    );
    expect((await exportFile('/api/soa/versions/7/export?format=csv')).statusCode).toBe(404);
    expect((await exportFile('/api/soa/versions/1/export?format=odt')).statusCode).toBe(422);
  });

  it('counts an excluded control as not applicable in readiness, never as met', async () => {
    await t.request('manager', 'PATCH', '/api/soa/rows/A.10.4', {
      applicable: false,
      justification: 'We supply no AI to customers.',
    });
    const detail = (
      await t.request('auditor', 'GET', '/api/frameworks/iso-42001-2023/requirements/A.10.4')
    ).json();
    expect(detail).toMatchObject({ status: 'not_applicable', soa: { applicable: false } });
    const readiness = (await t.request('auditor', 'GET', '/api/readiness')).json().items[0];
    expect(readiness.counts.not_applicable).toBe(1);
  });
});
