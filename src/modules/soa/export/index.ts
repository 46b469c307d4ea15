import type { Executor } from '../../../db/database.js';
import { nowIso } from '../../../lib/time.js';
import { readOrganisation } from '../../organisation/service.js';
import type { ExportFormat, SoaRow } from '../schema.js';
import type { SoaDocument } from './document.js';

// Each renderer pulls in a large library (pdfkit, exceljs, docx): load only the one asked for, when asked.
const RENDERERS: Record<ExportFormat, () => Promise<(doc: SoaDocument) => Buffer | Promise<Buffer>>> = {
  xlsx: async () => (await import('./xlsx.js')).soaXlsx,
  docx: async () => (await import('./docx.js')).soaDocx,
  pdf: async () => (await import('./pdf.js')).soaPdf,
  csv: async () => (await import('./csv.js')).soaCsv,
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
};

export interface ExportSource {
  draft: boolean;
  frameworkId: string;
  version: number;
  approvedBy: string;
  approvedAt: string;
  rows: SoaRow[];
}

/** Renders one SoA version (or the draft) with the organisation's name, scope, version and approval. */
export async function renderSoa(
  db: Executor,
  source: ExportSource,
  format: ExportFormat,
): Promise<{ body: Buffer; filename: string }> {
  const [organisation, framework, scope] = await Promise.all([
    readOrganisation(db).then((o) => o.name),
    db.selectFrom('frameworks').select('name').where('id', '=', source.frameworkId).executeTakeFirst(),
    db
      .selectFrom('scope_versions')
      .select(['statement', 'version'])
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const doc: SoaDocument = {
    organisation,
    framework: framework?.name ?? source.frameworkId,
    scope: scope ? scope.statement : 'No scope statement recorded yet.',
    versionLabel: source.draft ? 'DRAFT (working draft, not approved)' : `Version ${source.version}`,
    approval: source.draft
      ? 'Not approved'
      : `Approved by ${source.approvedBy} on ${source.approvedAt.slice(0, 10)}`,
    draft: source.draft,
    generatedAt: nowIso(),
    rows: source.rows,
  };
  const render = await RENDERERS[format]();
  const label = source.draft ? 'draft' : `v${source.version}`;
  return { body: await render(doc), filename: `soa-${source.frameworkId}-${label}.${format}` };
}
