import type { components } from '../../api/schema.js';

export type SoaFrameworkId = 'iso-42001-2023' | 'iso-27001-2022';
export const SOA_FRAMEWORKS: SoaFrameworkId[] = ['iso-42001-2023', 'iso-27001-2022'];
export type SoaRow = components['schemas']['StatementOfApplicability']['rows'][number];
export const EXPORT_FORMATS = ['xlsx', 'docx', 'pdf', 'csv'] as const;
