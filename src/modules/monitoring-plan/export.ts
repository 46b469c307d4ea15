import type { PlanItem } from './schema.js';

export const PLAN_CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const PLAN_COLUMNS = [
  ['Subject', 40],
  ['Requirements', 16],
  ['Method', 50],
  ['Frequency', 12],
  ['Analyst', 22],
  ['Analysis schedule', 30],
  ['Results', 12],
  ['Tests', 8],
  ['Objectives', 10],
  ['Last analysed', 14],
  ['Analysis', 16],
  ['Analysis notes', 50],
] as const;

const RESULT_COLUMNS = [
  ['Subject', 40],
  ['Kind', 10],
  ['Id', 38],
  ['Title', 45],
  ['Status', 16],
  ['Pass', 8],
  ['Fail', 8],
  ['Error', 8],
  ['Last run / measured', 22],
  ['Latest value', 12],
  ['Target', 12],
] as const;

const day = (iso: string | null) => iso?.slice(0, 10) ?? '';

function planRow(item: PlanItem) {
  return [
    item.subject,
    item.requirementRefs.join(', '),
    item.method,
    item.frequency,
    item.analyst?.name ?? '',
    item.analysisSchedule,
    item.results.status,
    item.results.tests.length,
    item.results.objectives.length,
    day(item.lastAnalysedAt),
    item.analysisStanding,
    item.analysisNotes,
  ];
}

function resultRows(item: PlanItem) {
  const tests = item.results.tests.map((t) => [
    item.subject,
    'test',
    t.id,
    t.title,
    t.status,
    t.pass,
    t.fail,
    t.error,
    t.lastRunAt ?? '',
    '',
    '',
  ]);
  const objectives = item.results.objectives.map((o) => [
    item.subject,
    'objective',
    o.id,
    o.title,
    `${o.attainment} (${o.standing})`,
    '',
    '',
    '',
    o.measuredAt ?? '',
    o.latestValue ?? '',
    `${o.direction === 'at_least' ? '≥' : '≤'} ${o.target} ${o.unit}`.trim(),
  ]);
  return [...tests, ...objectives];
}

/** The plan and its current results as a workbook: one sheet for the plan, one row per result on the next. */
export async function renderPlan(items: PlanItem[], format: keyof typeof PLAN_CONTENT_TYPES) {
  // exceljs is large: loaded only when a spreadsheet is asked for.
  const { default: ExcelJS } = await import('exceljs');
  const generatedAt = new Date();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenAIMS';
  workbook.created = generatedAt;
  const addSheet = (name: string, columns: ReadonlyArray<readonly [string, number]>, rows: unknown[][]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map(([header, width]) => ({ header, width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  };
  addSheet('Monitoring plan', PLAN_COLUMNS, items.map(planRow));
  addSheet('Results', RESULT_COLUMNS, items.flatMap(resultRows));
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    filename: `monitoring-plan-${generatedAt.toISOString().slice(0, 10)}.${format}`,
    contentType: PLAN_CONTENT_TYPES[format],
  };
}
