import type { Executor } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { checklistsOf, evidenceTitles, findingsOf, progressOf } from './checklist-repository.js';
import { describeWarnings, parseWarnings } from './independence.js';
import { presentFinding, presentItem, presentSummary } from './presenter.js';
import { type AuditRow, findAudit, teamsOf } from './repository.js';
import type { Audit, AuditSummary } from './schema.js';

/** List rows: the audit with its team, warnings and progress counts, without the checklist itself. */
export async function presentSummaries(db: Executor, rows: AuditRow[]): Promise<AuditSummary[]> {
  const ids = rows.map((r) => r.id);
  const [teams, progress] = await Promise.all([teamsOf(db, ids), progressOf(db, ids)]);
  return Promise.all(
    rows.map(async (row) =>
      presentSummary(row, {
        team: teams.get(row.id) ?? [],
        warnings: await describeWarnings(db, parseWarnings(row.independence_warnings)),
        results: progress.results.filter((r) => r.audit_id === row.id),
        findings: Number(progress.findings.find((f) => f.audit_id === row.id)?.n ?? 0),
      }),
    ),
  );
}

export async function loadAudit(db: Executor, id: string): Promise<Audit | undefined> {
  const row = isUuid(id) ? await findAudit(db, id) : undefined;
  if (!row) return undefined;
  const [[summary], items, findings] = await Promise.all([
    presentSummaries(db, [row]),
    checklistsOf(db, [id]),
    findingsOf(db, [id]),
  ]);
  const evidence = await evidenceTitles(db, [
    ...new Set(items.flatMap((i) => JSON.parse(i.sampled_evidence_ids || '[]') as string[])),
  ]);
  const findingOf = new Map(
    findings.flatMap((f) => (f.checklist_item_id ? [[f.checklist_item_id, f.id]] : [])),
  );
  return {
    ...(summary as AuditSummary),
    checklist: items.map((item) => presentItem(item, evidence, findingOf.get(item.id) ?? null)),
    findings: findings.map(presentFinding),
  };
}

export async function mustLoadAudit(db: Executor, id: string): Promise<Audit> {
  const audit = await loadAudit(db, id);
  if (!audit) throw new NotFoundError('audit', id);
  return audit;
}
