import type { Executor } from '../../db/database.js';
import { type DocumentModel, renderDocument } from '../../documents/index.js';
import { readOrganisation } from '../organisation/service.js';
import type { Policy, PolicyVersion } from './schema.js';

/** One published version as a controlled document: who approved and published it, when, and its hash. */
export async function exportPolicyVersion(
  db: Executor,
  policy: Policy,
  version: PolicyVersion,
  format: 'pdf' | 'docx',
): Promise<{ body: Buffer; filename: string }> {
  const organisation = (await readOrganisation(db)).name;
  const superseded = policy.publishedVersion !== null && version.version < policy.publishedVersion;
  const doc: DocumentModel = {
    title: version.title,
    subtitle: organisation,
    header: `${organisation} · ${version.title} · version ${version.version}`,
    ...(superseded ? { watermark: 'SUPERSEDED' } : {}),
    meta: [
      [
        'Version',
        `${version.version}${superseded ? ` (superseded by version ${policy.publishedVersion})` : ''}`,
      ],
      ['Approved', `${version.approvedBy}, ${version.approvedAt.slice(0, 10)}`],
      ['Published', `${version.publishedBy}, ${version.publishedAt.slice(0, 10)}`],
      ['Owner', policy.owner?.name ?? 'Unassigned'],
      ['Next review due', policy.nextReviewDue ?? 'Not scheduled'],
      ['Changes', version.changelog],
      ['SHA-256', version.sha256],
    ],
    // The policy's own first heading repeats its title; the document already has it.
    sections: [{ markdown: version.body.replace(/^#\s+.*\n+/, '') }],
  };
  const slug = version.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { body: await renderDocument(doc, format), filename: `${slug}-v${version.version}.${format}` };
}
