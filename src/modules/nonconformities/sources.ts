import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { ConflictError, ValidationError } from '../../lib/errors.js';
import type { NcSource, NcSourceSummary } from './schema.js';

/** What a finding brings to the nonconformity raised from it, unless the caller says otherwise. */
export interface SourceDefaults {
  grade?: 'minor' | 'major';
  requirementId?: string | null;
  description?: string;
}

const missing = (kind: string) => ValidationError.field('sourceId', `no ${kind} with this id`);

/**
 * Checks that the source exists and may be raised as a nonconformity; for an audit finding, also claims it
 * (in the caller's transaction) so one finding gives one nonconformity.
 */
export async function claimSource(
  trx: Transaction<DB>,
  source: NcSource,
  sourceId: string | null | undefined,
  ncId: string,
): Promise<SourceDefaults> {
  if (source === 'manual') {
    if (sourceId) throw ValidationError.field('sourceId', 'a manual nonconformity has no source record');
    return {};
  }
  if (!sourceId) throw ValidationError.field('sourceId', `required for source "${source}"`);
  switch (source) {
    case 'audit_finding': {
      const finding = await trx
        .selectFrom('audit_findings')
        .select(['type', 'nonconformity_id', 'requirement_id', 'description'])
        .where('id', '=', sourceId)
        .executeTakeFirst();
      if (!finding) throw missing('audit finding');
      if (finding.type !== 'minor_nc' && finding.type !== 'major_nc')
        throw new ConflictError(
          `This finding is an ${finding.type}; only minor and major nonconformity findings are raised.`,
          'sourceId',
        );
      if (finding.nonconformity_id)
        throw new ConflictError('This finding has already been raised as a nonconformity.', 'sourceId');
      await trx
        .updateTable('audit_findings')
        .set({ nonconformity_id: ncId })
        .where('id', '=', sourceId)
        .execute();
      return {
        grade: finding.type === 'major_nc' ? 'major' : 'minor',
        requirementId: finding.requirement_id,
        description: finding.description,
      };
    }
    case 'test':
      return exists(trx, 'issues', sourceId, 'monitoring issue');
    case 'incident':
      return exists(trx, 'incidents', sourceId, 'incident');
    case 'complaint':
      return exists(trx, 'concerns', sourceId, 'concern');
    case 'management_review':
      return exists(trx, 'management_review_outputs', sourceId, 'management review output');
  }
}

async function exists(
  db: Executor,
  table: 'issues' | 'incidents' | 'concerns' | 'management_review_outputs',
  id: string,
  kind: string,
): Promise<SourceDefaults> {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw missing(kind);
  return {};
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Names and web links of the sources of many nonconformities, a query per kind of source. */
export async function describeSources(
  db: Executor,
  rows: Array<{ source: string; source_id: string | null }>,
): Promise<Map<string, Omit<NcSourceSummary, 'kind' | 'id'>>> {
  const ids = (kind: string) => [
    ...new Set(rows.filter((r) => r.source === kind && r.source_id).map((r) => r.source_id as string)),
  ];
  const map = new Map<string, Omit<NcSourceSummary, 'kind' | 'id'>>();
  const findings = ids('audit_finding');
  if (findings.length > 0)
    for (const f of await db
      .selectFrom('audit_findings as f')
      .innerJoin('audits as a', 'a.id', 'f.audit_id')
      .select(['f.id', 'f.type', 'f.description', 'a.id as audit_id', 'a.reference'])
      .where('f.id', 'in', findings)
      .execute())
      map.set(f.id, {
        label: `${f.reference} ${f.type === 'major_nc' ? 'major' : 'minor'} finding: ${clip(f.description)}`,
        link: `/audits/${f.audit_id}`,
      });
  const issues = ids('test');
  if (issues.length > 0)
    for (const i of await db
      .selectFrom('issues')
      .select(['id', 'number', 'title'])
      .where('id', 'in', issues)
      .execute())
      map.set(i.id, { label: `Issue #${i.number}: ${clip(i.title)}`, link: `/issues?issue=${i.id}` });
  const incidents = ids('incident');
  if (incidents.length > 0)
    for (const i of await db
      .selectFrom('incidents')
      .select(['id', 'reference', 'title'])
      .where('id', 'in', incidents)
      .execute())
      map.set(i.id, { label: `${i.reference}: ${clip(i.title)}`, link: `/incidents/${i.id}` });
  const concerns = ids('complaint');
  if (concerns.length > 0)
    for (const c of await db
      .selectFrom('concerns')
      .select(['id', 'number', 'category'])
      .where('id', 'in', concerns)
      .execute())
      map.set(c.id, {
        label: `Concern #${c.number} (${c.category.replace(/_/g, ' ')})`,
        link: `/concerns?concern=${c.id}`,
      });
  const outputs = ids('management_review');
  if (outputs.length > 0)
    for (const o of await db
      .selectFrom('management_review_outputs as o')
      .innerJoin('management_reviews as r', 'r.id', 'o.review_id')
      .select(['o.id', 'o.description', 'r.id as review_id', 'r.title'])
      .where('o.id', 'in', outputs)
      .execute())
      map.set(o.id, {
        label: `${o.title}: ${clip(o.description)}`,
        link: `/management-reviews/${o.review_id}`,
      });
  return map;
}
