import type { CertificationRow, ExternalAuditRow } from './repository.js';
import {
  type Certification,
  EXTERNAL_AUDIT_LABELS,
  type ExternalAudit,
  type ExternalAuditKind,
} from './schema.js';

const DAY_MS = 86_400_000;

export function presentExternalAudit(row: ExternalAuditRow): ExternalAudit {
  const kind = row.kind as ExternalAuditKind;
  return {
    id: row.id,
    kind,
    label: EXTERNAL_AUDIT_LABELS[kind],
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    status: row.status as ExternalAudit['status'],
    leadAuditor: row.lead_auditor,
    result: row.result,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentCertificate(row: CertificationRow, today: string): Certification['certification'] {
  return {
    id: row.id,
    frameworkId: row.framework_id,
    body: row.body,
    certificateNumber: row.certificate_number,
    scope: row.scope,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    daysToExpiry: row.expires_on
      ? Math.round((Date.parse(row.expires_on) - Date.parse(today)) / DAY_MS)
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
