import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { AuditChecklistItemsTable, AuditFindingsTable } from '../../db/schema-check-act.js';

export type ChecklistRow = AuditChecklistItemsTable & {
  ref: string;
  title: string;
  kind: string;
  auditor_focus: string;
  typical_evidence: string;
  assessor_name: string | null;
};
export type FindingRow = AuditFindingsTable & {
  audit_reference: string;
  requirement_ref: string | null;
  requirement_title: string | null;
  nonconformity_reference: string | null;
};

export async function checklistsOf(db: Executor, auditIds: string[]): Promise<ChecklistRow[]> {
  if (auditIds.length === 0) return [];
  return db
    .selectFrom('audit_checklist_items as i')
    .innerJoin('requirements as r', 'r.id', 'i.requirement_id')
    .leftJoin('people as assessor', 'assessor.id', 'i.assessed_by')
    .selectAll('i')
    .select(['r.ref', 'r.title', 'r.kind', 'r.auditor_focus', 'r.typical_evidence'])
    .select('assessor.name as assessor_name')
    .where('i.audit_id', 'in', auditIds)
    .orderBy('i.audit_id')
    .orderBy('i.position')
    .execute();
}

/** Per audit: how many items, how many per result, and how many findings, for list rows. */
export async function progressOf(db: Executor, auditIds: string[]) {
  if (auditIds.length === 0) return { results: [], findings: [] };
  const [results, findings] = await Promise.all([
    db
      .selectFrom('audit_checklist_items')
      .select(['audit_id', 'result'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('audit_id', 'in', auditIds)
      .groupBy(['audit_id', 'result'])
      .execute(),
    db
      .selectFrom('audit_findings')
      .select('audit_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('audit_id', 'in', auditIds)
      .groupBy('audit_id')
      .execute(),
  ]);
  return { results, findings };
}

export function findChecklistItem(db: Executor, auditId: string, itemId: string) {
  return db
    .selectFrom('audit_checklist_items')
    .selectAll()
    .where('audit_id', '=', auditId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function insertChecklist(trx: Transaction<DB>, rows: AuditChecklistItemsTable[]) {
  // Kept under SQLite's bound-parameter limit: 12 columns a row.
  for (let i = 0; i < rows.length; i += 50)
    await trx
      .insertInto('audit_checklist_items')
      .values(rows.slice(i, i + 50))
      .execute();
}

export async function deleteChecklist(trx: Transaction<DB>, auditId: string) {
  await trx
    .deleteFrom('audit_findings')
    .where('audit_id', '=', auditId)
    .where('checklist_item_id', 'is not', null)
    .execute();
  await trx.deleteFrom('audit_checklist_items').where('audit_id', '=', auditId).execute();
}

export async function updateChecklistItem(
  trx: Transaction<DB>,
  id: string,
  changes: Partial<AuditChecklistItemsTable>,
) {
  await trx.updateTable('audit_checklist_items').set(changes).where('id', '=', id).execute();
}

export async function findingsOf(db: Executor, auditIds: string[]): Promise<FindingRow[]> {
  if (auditIds.length === 0) return [];
  return db
    .selectFrom('audit_findings as f')
    .innerJoin('audits as a', 'a.id', 'f.audit_id')
    .leftJoin('requirements as r', 'r.id', 'f.requirement_id')
    .leftJoin('nonconformities as nc', 'nc.id', 'f.nonconformity_id')
    .selectAll('f')
    .select([
      'a.reference as audit_reference',
      'r.ref as requirement_ref',
      'r.title as requirement_title',
      'nc.reference as nonconformity_reference',
    ])
    .where('f.audit_id', 'in', auditIds)
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
}

export function findingOfItem(db: Executor, itemId: string) {
  return db
    .selectFrom('audit_findings')
    .selectAll()
    .where('checklist_item_id', '=', itemId)
    .executeTakeFirst();
}

export async function insertFinding(trx: Transaction<DB>, row: AuditFindingsTable) {
  await trx.insertInto('audit_findings').values(row).execute();
}

export async function updateFinding(trx: Transaction<DB>, id: string, changes: Partial<AuditFindingsTable>) {
  await trx.updateTable('audit_findings').set(changes).where('id', '=', id).execute();
}

export async function deleteFinding(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('audit_findings').where('id', '=', id).execute();
}

export async function evidenceTitles(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('evidence').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function requirementOf(db: Executor, id: string) {
  return db.selectFrom('requirements').select(['id', 'framework_id']).where('id', '=', id).executeTakeFirst();
}
