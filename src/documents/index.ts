import type { DocumentModel, ExportFormat } from './model.js';

// Each renderer pulls in a large library: load only the one asked for, when asked.
const RENDERERS: Record<ExportFormat, () => Promise<(doc: DocumentModel) => Promise<Buffer>>> = {
  pdf: async () => (await import('./pdf.js')).documentPdf,
  docx: async () => (await import('./docx.js')).documentDocx,
};

export async function renderDocument(doc: DocumentModel, format: ExportFormat): Promise<Buffer> {
  return (await RENDERERS[format]())(doc);
}

export { DOCUMENT_CONTENT_TYPES, type DocumentModel, type ExportFormat } from './model.js';
