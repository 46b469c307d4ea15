import { stringify } from 'csv-stringify/sync';
import type { Competence, CompetenceEntry, CompetenceFormat } from './competence-schema.js';

const COLUMNS = [
  'Course',
  'ISO references',
  'Reason',
  'Assigned',
  'Due',
  'Status',
  'Completed',
  'Score',
  'Pass score',
  'Evidence note',
  'Evidence id',
  'Recorded by',
] as const;

function cells(entry: CompetenceEntry): Array<string | number> {
  return [
    entry.courseTitle,
    entry.isoRefs.join(', '),
    entry.reason,
    entry.assignedAt.slice(0, 10),
    entry.dueOn,
    entry.status,
    entry.completedAt ?? '',
    entry.score ?? '',
    entry.passScore ?? '',
    entry.evidenceNote,
    entry.evidenceId ?? '',
    entry.completedByLabel ?? '',
  ];
}

function heading(record: Competence): string[][] {
  const p = record.person;
  return [
    ['Competence record', p.name],
    ['Email', p.email],
    ['Job title', p.jobTitle ?? ''],
    ['Department', p.department ?? ''],
    ['Generated', record.generatedAt],
  ];
}

function csv(record: Competence): Buffer {
  const rows = [...heading(record), [], [...COLUMNS], ...record.assignments.map(cells)];
  return Buffer.from(stringify(rows, { bom: true }), 'utf8');
}

async function xlsx(record: Competence): Promise<Buffer> {
  // exceljs is large: loaded only when a spreadsheet is asked for.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenAIMS';
  workbook.created = new Date(record.generatedAt);
  const cover = workbook.addWorksheet('Person');
  cover.columns = [{ width: 20 }, { width: 60 }];
  cover.addRows(heading(record));
  cover.getColumn(1).font = { bold: true };
  const sheet = workbook.addWorksheet('Training', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((header, i) => ({ header, width: i === 0 || i === 9 ? 45 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of record.assignments) sheet.addRow(cells(entry));
  sheet.autoFilter = { from: 'A1', to: 'L1' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const COMPETENCE_CONTENT_TYPES: Record<Exclude<CompetenceFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The record as a download, named after the person and the day. */
export async function renderCompetence(record: Competence, format: Exclude<CompetenceFormat, 'json'>) {
  const slug =
    record.person.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'person';
  return {
    body: format === 'csv' ? csv(record) : await xlsx(record),
    filename: `competence-${slug}-${record.generatedAt.slice(0, 10)}.${format}`,
    contentType: COMPETENCE_CONTENT_TYPES[format],
  };
}
