import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { type Block, markdownBlocks, type Run } from './markdown.js';
import type { DocumentModel } from './model.js';
import { renderPdf } from './pdfmake.js';

const HEADING_SIZES = [16, 14, 12, 11, 10, 10];

const text = (runs: Run[]) =>
  runs.map((r) => ({
    text: r.text,
    bold: r.bold,
    italics: r.italics,
    ...(r.code ? { background: '#f1f3f5' } : {}),
    ...(r.link ? { link: r.link, color: '#1864ab', decoration: 'underline' as const } : {}),
  }));

function block(b: Block): Content {
  switch (b.type) {
    case 'heading':
      return { text: text(b.runs), bold: true, fontSize: HEADING_SIZES[b.level - 1], margin: [0, 8, 0, 4] };
    case 'paragraph':
      return { text: text(b.runs), margin: [0, 0, 0, 6] };
    case 'list':
      return b.ordered
        ? { ol: b.items.map((item) => ({ text: text(item) })), margin: [0, 0, 0, 6] }
        : { ul: b.items.map((item) => ({ text: text(item) })), margin: [0, 0, 0, 6] };
    case 'quote':
      return { text: text(b.runs), italics: true, margin: [12, 0, 0, 6] };
    case 'code':
      return { text: b.text, font: 'Roboto', fontSize: 8, background: '#f1f3f5', margin: [0, 0, 0, 6] };
    case 'table':
      return {
        table: {
          headerRows: 1,
          body: [
            b.head.map((cell) => ({ text: text(cell), bold: true })),
            ...b.rows.map((r) => r.map((c) => ({ text: text(c) }))),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 6],
      };
  }
}

/** The document as an A4 PDF: title block, meta lines, then each section's Markdown or table. */
export function documentPdf(doc: DocumentModel): Promise<Buffer> {
  const content: Content[] = [
    { text: doc.title, fontSize: 20, bold: true },
    ...(doc.subtitle ? [{ text: doc.subtitle, fontSize: 12, margin: [0, 2, 0, 0] } as Content] : []),
    {
      table: {
        widths: [110, '*'],
        body: doc.meta.map(([label, value]) => [{ text: label, bold: true }, value]),
      },
      layout: 'noBorders',
      margin: [0, 10, 0, 12],
    },
  ];
  for (const section of doc.sections) {
    if (section.heading)
      content.push({ text: section.heading, fontSize: 14, bold: true, margin: [0, 10, 0, 4] });
    if (section.markdown)
      content.push(...markdownBlocks(section.markdown, section.heading ? 1 : 0).map(block));
    if (section.table)
      content.push({
        table: {
          headerRows: 1,
          body: [section.table.head.map((h) => ({ text: h, bold: true })), ...section.table.rows],
        },
        layout: 'lightHorizontalLines',
      });
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: doc.title, creator: 'OpenAIMS' },
    header: { text: doc.header, alignment: 'right', fontSize: 8, margin: [50, 20, 50, 0] },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8 }),
    ...(doc.watermark ? { watermark: { text: doc.watermark, opacity: 0.08, bold: true } } : {}),
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    content,
  };
  return renderPdf(definition);
}
