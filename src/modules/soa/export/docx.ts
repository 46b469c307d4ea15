import {
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { COLUMNS, rowCells, type SoaDocument } from './document.js';

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });

export async function soaDocx(doc: SoaDocument): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: COLUMNS.map((c) => cell(c, true)) }),
      ...doc.rows.map((row) => new TableRow({ children: rowCells(row).map((text) => cell(text)) })),
    ],
  });
  const document = new Document({
    creator: 'OpenAIMS',
    title: `Statement of Applicability - ${doc.framework}`,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    text: `${doc.organisation} - ${doc.versionLabel}${doc.draft ? ' - DRAFT' : ''}`,
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun(`Statement of Applicability`)],
          }),
          new Paragraph({ children: [new TextRun({ text: doc.framework, bold: true })] }),
          new Paragraph({ children: [new TextRun(`Organisation: ${doc.organisation}`)] }),
          new Paragraph({ children: [new TextRun(`Version: ${doc.versionLabel}`)] }),
          new Paragraph({ children: [new TextRun(`Approval: ${doc.approval}`)] }),
          new Paragraph({ children: [new TextRun(`Generated: ${doc.generatedAt}`)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('AIMS scope')] }),
          ...doc.scope.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Annex A controls')] }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
