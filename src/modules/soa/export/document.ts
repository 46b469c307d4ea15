import type { SoaRow } from '../schema.js';

/** Everything an exported Statement of Applicability shows, whatever the file format. */
export interface SoaDocument {
  organisation: string;
  framework: string;
  scope: string;
  versionLabel: string;
  approval: string;
  draft: boolean;
  generatedAt: string;
  rows: SoaRow[];
}

export const COLUMNS = [
  'Ref',
  'Control',
  'Applicable',
  'Justification',
  'Implementation',
  'Linked controls',
  'Evidence',
] as const;

const STATUS_LABEL: Record<SoaRow['implementationStatus'], string> = {
  met: 'Implemented',
  partial: 'Partially implemented',
  not_met: 'Not implemented',
  not_applicable: 'Not applicable',
};

export function rowCells(row: SoaRow): string[] {
  return [
    row.ref,
    row.title,
    row.applicable ? 'Yes' : 'No',
    row.justification,
    STATUS_LABEL[row.implementationStatus],
    row.controlIds.join(', '),
    String(row.evidenceCount),
  ];
}
