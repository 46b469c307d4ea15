/** A document to export (a policy version, an impact assessment, minutes…), independent of the format. */
export interface DocumentModel {
  title: string;
  subtitle?: string;
  /** Label/value lines under the title: organisation, version, approval, dates. */
  meta: Array<[string, string]>;
  /** Marked across every page, e.g. DRAFT. */
  watermark?: string;
  /** Right-aligned running header. */
  header: string;
  sections: DocumentSection[];
}

export interface DocumentSection {
  heading?: string;
  /** Markdown body (headings inside start below the section heading). */
  markdown?: string;
  table?: { head: string[]; rows: string[][] };
}

export type ExportFormat = 'pdf' | 'docx';

export const DOCUMENT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
