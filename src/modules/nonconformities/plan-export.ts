import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../documents/pdfmake.js';
import type { Plan, PlanAction, PlanFormat, PlanGap } from './plan-schema.js';

const GAP_COLUMNS = [
  'Gap',
  'Type',
  'Title',
  'Grade',
  'Status',
  'Requirement',
  'Root cause',
  'Gap progress %',
  'Next due',
];
const ACTION_COLUMNS = [
  'Action',
  'Action title',
  'Kind',
  'Owner',
  'Due',
  'Action status',
  'Progress %',
  'Investment',
  'Overdue',
];
export const PLAN_COLUMNS = [...GAP_COLUMNS, ...ACTION_COLUMNS];

const label = (value: string) => value.replace(/_/g, ' ');

function gapCells(gap: PlanGap): Array<string | number> {
  return [
    gap.reference,
    gap.kind,
    gap.title,
    gap.grade,
    label(gap.status),
    gap.requirement ?? '',
    gap.rootCause,
    gap.progress,
    gap.nextDue ?? '',
  ];
}

const actionCells = (a: PlanAction | undefined): Array<string | number> =>
  a
    ? [
        a.reference,
        a.title,
        a.kind,
        a.owner ?? '',
        a.dueDate,
        label(a.status),
        a.progress,
        a.investment ?? '',
        a.overdue ? 'yes' : '',
      ]
    : ACTION_COLUMNS.map(() => '');

/** One row per action, each carrying its gap's columns; a gap without actions still gets a row. */
export function planRows(plan: Plan): Array<Array<string | number>> {
  return plan.gaps.flatMap((gap) =>
    (gap.actions.length > 0 ? gap.actions : [undefined]).map((a) => [...gapCells(gap), ...actionCells(a)]),
  );
}

function totalsRows(plan: Plan): Array<[string, string | number]> {
  const t = plan.totals;
  return [
    ['Generated', plan.generatedAt],
    ['Open gaps', t.openGaps],
    ['Actions', t.actions],
    ['Planned', t.actionsByStatus.planned],
    ['In progress', t.actionsByStatus.in_progress],
    ['Done', t.actionsByStatus.done],
    ['Cancelled', t.actionsByStatus.cancelled],
    ['Overdue', t.overdue],
    ['Investment', t.investment],
  ];
}

async function xlsx(plan: Plan): Promise<Buffer> {
  // exceljs is large: loaded only when a spreadsheet is asked for.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenAIMS';
  workbook.created = new Date(plan.generatedAt);
  const sheet = workbook.addWorksheet('Corrective action plan', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLAN_COLUMNS.map((header) => ({
    header,
    width: ['Title', 'Root cause', 'Action title', 'Requirement'].includes(header) ? 40 : 14,
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1C4E80' } };
  for (const row of planRows(plan)) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PLAN_COLUMNS.length } };
  const totals = workbook.addWorksheet('Totals');
  totals.columns = [{ width: 20 }, { width: 30 }];
  totals.addRows(totalsRows(plan));
  totals.getColumn(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function pdf(plan: Plan): Promise<Buffer> {
  const head = [
    'Gap',
    'Grade',
    'Status',
    'Requirement',
    'Root cause',
    'Action',
    'Owner',
    'Due',
    'Status',
    '%',
    'Investment',
  ];
  const body = plan.gaps.flatMap((gap) =>
    (gap.actions.length > 0 ? gap.actions : [undefined]).map((a, i) => [
      i === 0 ? `${gap.reference} ${gap.title}` : '',
      i === 0 ? gap.grade : '',
      i === 0 ? label(gap.status) : '',
      i === 0 ? (gap.requirement ?? '') : '',
      i === 0 ? gap.rootCause : '',
      a ? `${a.reference} ${a.title}` : 'No action yet',
      a?.owner ?? '',
      a ? `${a.dueDate}${a.overdue ? ' (overdue)' : ''}` : '',
      a ? label(a.status) : '',
      a ? String(a.progress) : '',
      a?.investment == null ? '' : a.investment.toFixed(2),
    ]),
  );
  const content: Content[] = [
    { text: 'Corrective action plan', fontSize: 18, bold: true },
    {
      text: `Generated ${plan.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
      fontSize: 9,
      margin: [0, 2, 0, 8],
    },
    {
      table: {
        body: [
          totalsRows(plan)
            .slice(1)
            .map(([k, v]) => `${k}: ${v}`),
        ],
      },
      layout: 'noBorders',
      fontSize: 9,
      margin: [0, 0, 0, 8],
    },
    {
      table: {
        headerRows: 1,
        widths: [110, 36, 50, 70, 110, 110, 60, 52, 50, 20, 50],
        body: [head.map((h) => ({ text: h, bold: true, fillColor: '#e7f0f8' })), ...body],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    },
  ];
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 40, 30, 40],
    info: { title: 'Corrective action plan', creator: 'OpenAIMS' },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    content,
  };
  return renderPdf(definition);
}

export const PLAN_CONTENT_TYPES: Record<Exclude<PlanFormat, 'json'>, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The plan as a download named after the day. */
export async function renderPlan(plan: Plan, format: Exclude<PlanFormat, 'json'>) {
  return {
    body: format === 'xlsx' ? await xlsx(plan) : await pdf(plan),
    filename: `corrective-action-plan-${plan.generatedAt.slice(0, 10)}.${format}`,
    contentType: PLAN_CONTENT_TYPES[format],
  };
}
