import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type Block, markdownBlocks, type Run } from './markdown.js';
import type { DocumentModel } from './model.js';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function children(runs: Run[]) {
  return runs.map((r) => {
    const run = new TextRun({
      text: r.text,
      bold: r.bold,
      italics: r.italics,
      ...(r.code ? { font: 'Consolas' } : {}),
      ...(r.link ? { style: 'Hyperlink' } : {}),
    });
    return r.link ? new ExternalHyperlink({ link: r.link, children: [run] }) : run;
  });
}

const cell = (runs: Run[], bold = false) =>
  new TableCell({
    children: [new Paragraph({ children: children(bold ? runs.map((r) => ({ ...r, bold: true })) : runs) })],
  });

function table(head: Run[][], rows: Run[][][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
    ],
  });
}

function block(b: Block): Array<Paragraph | Table> {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[b.level - 1], children: children(b.runs) })];
    case 'paragraph':
      return [new Paragraph({ children: children(b.runs) })];
    case 'list':
      // Numbered lists keep their numbers as text: Word numbering definitions would add a config per list.
      return b.items.map(
        (item, i) =>
          new Paragraph({
            ...(b.ordered ? {} : { bullet: { level: 0 } }),
            children: b.ordered ? [new TextRun(`${i + 1}. `), ...children(item)] : children(item),
          }),
      );
    case 'quote':
      return [
        new Paragraph({
          indent: { left: 400 },
          children: children(b.runs.map((r) => ({ ...r, italics: true }))),
        }),
      ];
    case 'code':
      return b.text
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
    case 'table':
      return [table(b.head, b.rows)];
  }
}

/** The document as a Word file: title, meta lines, then each section's Markdown or table. */
export function documentDocx(doc: DocumentModel): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    ...(doc.subtitle
      ? [new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] })]
      : []),
    ...doc.meta.map(
      ([label, value]) =>
        new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    ),
  ];
  if (doc.watermark)
    body.push(
      new Paragraph({ children: [new TextRun({ text: doc.watermark, bold: true, color: 'C92A2A' })] }),
    );
  for (const section of doc.sections) {
    if (section.heading)
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }));
    if (section.markdown)
      body.push(...markdownBlocks(section.markdown, section.heading ? 1 : 0).flatMap(block));
    if (section.table)
      body.push(
        table(
          section.table.head.map((h) => [{ text: h }]),
          section.table.rows.map((row) => row.map((c) => [{ text: c }])),
        ),
      );
  }
  const document = new Document({
    creator: 'OpenAIMS',
    title: doc.title,
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: doc.header, size: 16 })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
