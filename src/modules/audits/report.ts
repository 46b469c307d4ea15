import type { Executor } from '../../db/database.js';
import { type DocumentModel, renderDocument } from '../../documents/index.js';
import { readOrganisation } from '../organisation/service.js';
import type { Audit } from './schema.js';

const RESULT_LABELS: Record<string, string> = {
  conforming: 'Conforming',
  minor_nc: 'Minor nonconformity',
  major_nc: 'Major nonconformity',
  observation: 'Observation',
  opportunity: 'Opportunity for improvement',
};
const label = (result: string | null) => (result ? (RESULT_LABELS[result] ?? result) : 'Not assessed');

/** Who audited and why they could be objective: 9.2.2 asks for it to be shown, not assumed. */
function independenceStatement(audit: Audit): string {
  if (audit.independenceWarnings.length === 0)
    return 'No member of the audit team owns a control mapped to a requirement in the scope of this audit.';
  const conflicts = audit.independenceWarnings
    .map((w) => `- ${w.personName} owns ${w.controls.map((c) => c.name).join(', ')}`)
    .join('\n');
  return `Members of the audit team own controls in scope:\n\n${conflicts}\n\n**Justification:** ${audit.independenceJustification}`;
}

/** The audit report: plan, team, independence, every checklist result, the findings and the conclusion. */
export async function exportAuditReport(db: Executor, audit: Audit, format: 'pdf' | 'docx') {
  const organisation = (await readOrganisation(db)).name;
  const team = audit.team.map((p) => p.name).join(', ') || 'None';
  const doc: DocumentModel = {
    title: `Internal audit report ${audit.reference}`,
    subtitle: audit.title,
    header: `${organisation} · ${audit.reference}`,
    ...(audit.status === 'completed' ? {} : { watermark: audit.status.toUpperCase().replace('_', ' ') }),
    meta: [
      ['Organisation', organisation],
      ['Framework', audit.frameworkId],
      ['Programme', audit.programme?.name ?? 'None'],
      ['Planned', `${audit.plannedStart} to ${audit.plannedEnd}`],
      ['Status', audit.status.replace('_', ' ')],
      ['Completed', audit.completedAt ? audit.completedAt.slice(0, 10) : 'Not yet'],
      ['Lead auditor', audit.leadAuditor?.name ?? 'Not named'],
      ['Audit team', team],
    ],
    sections: [
      { heading: 'Scope', markdown: audit.scope || '_Not stated._' },
      { heading: 'Criteria', markdown: audit.criteria || '_Not stated._' },
      { heading: 'Independence of the auditors', markdown: independenceStatement(audit) },
      {
        heading: 'Checklist results',
        table: {
          head: ['Ref', 'Requirement', 'Result', 'Notes'],
          rows: audit.checklist.map((i) => [i.ref, i.title, label(i.result), i.notes]),
        },
      },
      audit.findings.length > 0
        ? {
            heading: 'Findings',
            table: {
              head: ['Type', 'Requirement', 'Description', 'Nonconformity'],
              rows: audit.findings.map((f) => [
                label(f.type),
                f.requirementRef ?? '—',
                f.description,
                f.nonconformityReference ?? '—',
              ]),
            },
          }
        : { heading: 'Findings', markdown: 'No findings were recorded.' },
      { heading: 'Conclusion', markdown: audit.conclusion || '_The audit has not been concluded yet._' },
    ],
  };
  return { body: await renderDocument(doc, format), filename: `internal-audit-${audit.reference}.${format}` };
}
