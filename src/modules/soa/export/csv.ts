import { stringify } from 'csv-stringify/sync';
import { COLUMNS, rowCells, type SoaDocument } from './document.js';

export function soaCsv(doc: SoaDocument): Buffer {
  const header = [
    ['Statement of Applicability', doc.framework],
    ['Organisation', doc.organisation],
    ['Version', doc.versionLabel],
    ['Approval', doc.approval],
    [],
  ];
  return Buffer.from(stringify([...header, [...COLUMNS], ...doc.rows.map(rowCells)], { bom: true }), 'utf8');
}
