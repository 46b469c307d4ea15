import ExcelJS from 'exceljs';
import { COLUMNS, rowCells, type SoaDocument } from './document.js';

export async function soaXlsx(doc: SoaDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenAIMS';
  workbook.created = new Date(doc.generatedAt);
  const cover = workbook.addWorksheet('Cover');
  cover.columns = [{ width: 22 }, { width: 100 }];
  cover.addRows([
    ['Statement of Applicability', doc.framework],
    ['Organisation', doc.organisation],
    ['Version', doc.versionLabel],
    ['Approval', doc.approval],
    ['Generated', doc.generatedAt],
    ['AIMS scope', doc.scope],
  ]);
  cover.getColumn(1).font = { bold: true };
  cover.getCell('B6').alignment = { wrapText: true, vertical: 'top' };

  const sheet = workbook.addWorksheet('SoA', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: COLUMNS[0], width: 10 },
    { header: COLUMNS[1], width: 45 },
    { header: COLUMNS[2], width: 12 },
    { header: COLUMNS[3], width: 70 },
    { header: COLUMNS[4], width: 22 },
    { header: COLUMNS[5], width: 30 },
    { header: COLUMNS[6], width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of doc.rows) {
    const cells = rowCells(row);
    sheet.addRow([...cells.slice(0, 6), row.evidenceCount]);
  }
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: 'A1', to: 'G1' };
  if (doc.draft) sheet.headerFooter.oddHeader = '&C&"-,Bold"DRAFT - not approved';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
