import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../../documents/pdfmake.js';
import { COLUMNS, rowCells, type SoaDocument } from './document.js';

export async function soaPdf(doc: SoaDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 40, 30, 40],
    info: { title: `Statement of Applicability - ${doc.framework}`, creator: 'OpenAIMS' },
    header: {
      text: `${doc.organisation} · ${doc.framework} · ${doc.versionLabel}`,
      alignment: 'right',
      fontSize: 8,
      margin: [30, 15, 30, 0],
    },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    ...(doc.draft ? { watermark: { text: 'DRAFT', opacity: 0.08, bold: true } } : {}),
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    content: [
      { text: 'Statement of Applicability', fontSize: 18, bold: true },
      { text: doc.framework, fontSize: 12, margin: [0, 2, 0, 8] },
      { text: `Organisation: ${doc.organisation}` },
      { text: `Version: ${doc.versionLabel}` },
      { text: `Approval: ${doc.approval}` },
      { text: `Generated: ${doc.generatedAt}`, margin: [0, 0, 0, 8] },
      { text: 'AIMS scope', bold: true },
      { text: doc.scope, margin: [0, 0, 0, 10] },
      {
        table: {
          headerRows: 1,
          widths: [35, 120, 40, '*', 60, 80, 38],
          body: [COLUMNS.map((c) => ({ text: c, bold: true })), ...doc.rows.map(rowCells)],
        },
        layout: 'lightHorizontalLines',
      },
    ],
  };
  return renderPdf(definition);
}
