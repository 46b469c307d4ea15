import type { ImpactTemplate } from '../../content/impact-templates.js';
import type { Executor } from '../../db/database.js';
import { type DocumentModel, renderDocument } from '../../documents/index.js';
import { readOrganisation } from '../organisation/service.js';
import type { Assessment } from './schema.js';

/** One assessment version as a document: the scoring, the approval, then every section's answers. */
export async function exportAssessment(
  db: Executor,
  a: Assessment,
  template: ImpactTemplate,
  format: 'pdf' | 'docx',
) {
  const organisation = (await readOrganisation(db)).name;
  const answerOf = (q: ImpactTemplate['sections'][number]['questions'][number]) => {
    const value = a.answers[q.id];
    if (!value) return 'Not answered';
    return q.options?.find((o) => o.value === value)?.label ?? value;
  };
  const doc: DocumentModel = {
    title: `${template.title}: ${a.aiSystemName}`,
    subtitle: organisation,
    header: `${organisation} · ${a.aiSystemName} · impact assessment v${a.version}`,
    ...(a.status === 'approved' ? {} : { watermark: a.status.toUpperCase().replace('_', ' ') }),
    meta: [
      ['AI system', a.aiSystemName],
      ['Version', `${a.version} (${a.status.replace('_', ' ')})`],
      ['Impact level', `${a.impactLevel.replace('_', ' ')} (score ${a.score})`],
      ['Assessor', a.assessor?.name ?? 'Not named'],
      ['Approved', a.approvedAt ? `${a.approvedBy}, ${a.approvedAt.slice(0, 10)}` : 'Not approved'],
      ['Next review due', a.nextReviewDue ?? '—'],
      ['Template', `${template.id} v${a.templateVersion}`],
    ],
    sections: template.sections.map((section) => ({
      heading: section.title,
      table: { head: ['Question', 'Answer'], rows: section.questions.map((q) => [q.text, answerOf(q)]) },
    })),
  };
  return {
    body: await renderDocument(doc, format),
    filename: `impact-assessment-${a.aiSystemName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-v${a.version}.${format}`,
  };
}
