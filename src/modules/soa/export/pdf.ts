import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { COLUMNS, rowCells, type SoaDocument } from './document.js';

const require = createRequire(import.meta.url);
// pdfmake's server build is CommonJS with a singleton; fonts ship inside the package, so no download.
const pdfmake = require('pdfmake') as {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setLocalAccessPolicy(callback: (file: string) => boolean): void;
  setUrlAccessPolicy?(callback: (url: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// Documents never fetch anything from the network, and read nothing from disk but the fonts.
pdfmake.setUrlAccessPolicy?.(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));

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
  return pdfmake.createPdf(definition).getBuffer();
}
