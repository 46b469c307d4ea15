import type { Executor } from '../../db/database.js';
import { type DocumentModel, type ExportFormat, renderDocument } from '../../documents/index.js';
import type { DocumentSection } from '../../documents/model.js';
import { readOrganisation } from '../organisation/service.js';
import type { InputSection, ReviewInputs } from './inputs/sections.js';
import type { Review } from './schema.js';

const signed = (n: number | null) => (n === null ? '' : n > 0 ? `+${n}` : String(n));

function inputSection(section: InputSection, note: string | undefined): DocumentSection[] {
  const figures: DocumentSection = {
    heading: section.title,
    table: { head: ['Figure', 'Value'], rows: section.figures.map((f) => [f.label, String(f.value)]) },
  };
  const tables = section.tables
    .filter((t) => t.rows.length > 0)
    .map((t) => ({ markdown: `**${t.title}**`, table: { head: t.columns, rows: t.rows } }));
  const conclusion = { markdown: `**Discussion and conclusion.** ${note?.trim() || '_No note recorded._'}` };
  return [figures, ...tables, conclusion];
}

/** The minutes of a review: details, attendees, every input with the reviewers' notes, outputs, minutes. */
export async function exportMinutes(
  db: Executor,
  review: Review,
  inputs: ReviewInputs,
  format: ExportFormat,
): Promise<{ body: Buffer; filename: string }> {
  const organisation = (await readOrganisation(db)).name;
  const doc: DocumentModel = {
    title: review.title,
    subtitle: `Management review minutes · ${organisation}`,
    header: `${organisation} · ${review.title}`,
    ...(review.status === 'completed' ? {} : { watermark: review.status.replace('_', ' ').toUpperCase() }),
    meta: [
      ['Status', review.status.replace('_', ' ')],
      ['Scheduled for', review.scheduledFor],
      ['Held on', review.heldOn ?? 'Not yet held'],
      ['Chair', review.chair?.name ?? 'Not set'],
      ['Location', review.location || '—'],
      ['Period covered', `${inputs.period.from} to ${inputs.period.to}`],
      [
        'Previous review',
        inputs.previousReview ? `${inputs.previousReview.title} (${inputs.previousReview.heldOn})` : 'None',
      ],
    ],
    sections: [
      {
        heading: 'Attendees',
        markdown: review.attendees.map((a) => `- ${a.name}`).join('\n') || '_None recorded._',
      },
      ...inputs.sections.flatMap((s) => inputSection(s, review.inputNotes[s.key])),
      {
        heading: 'Comparison with the previous review',
        table: {
          head: ['Input', 'Figure', 'Now', 'Previous', 'Change'],
          rows: inputs.comparison.map((c) => [
            inputs.sections.find((s) => s.key === c.section)?.title ?? c.section,
            c.label,
            String(c.current),
            c.previous === null ? '' : String(c.previous),
            signed(c.delta),
          ]),
        },
      },
      {
        heading: 'Decisions and actions',
        table: {
          head: ['Kind', 'Description', 'Owner', 'Due', 'Status'],
          rows: review.outputs.map((o) => [
            o.kind,
            o.description,
            o.owner?.name ?? '',
            o.dueDate ?? '',
            o.overdue ? 'overdue' : o.status,
          ]),
        },
      },
      { heading: 'Minutes', markdown: review.minutes.trim() || '_No minutes recorded._' },
    ],
  };
  const slug = review.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { body: await renderDocument(doc, format), filename: `${slug || 'management-review'}.${format}` };
}
