import type { Transaction } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { ImpactAssessmentsTable } from '../../db/schema-change-management.js';
import { type ListQuery, runList } from '../shared/list.js';
import { assessmentListSpec } from './schema.js';

export type AssessmentRow = ImpactAssessmentsTable & { system_name: string; assessor_name: string | null };

const base = (db: Executor) =>
  db
    .selectFrom('impact_assessments')
    .innerJoin('ai_systems', 'ai_systems.id', 'impact_assessments.ai_system_id')
    .leftJoin('people as assessor', 'assessor.id', 'impact_assessments.assessor_id');

const columns = (q: ReturnType<typeof base>) =>
  q
    .selectAll('impact_assessments')
    .select(['ai_systems.name as system_name', 'assessor.name as assessor_name']);

export function findAssessment(db: Executor, id: string) {
  return columns(base(db)).where('impact_assessments.id', '=', id).executeTakeFirst() as Promise<
    AssessmentRow | undefined
  >;
}

export function listAssessments(db: Executor, dialect: Dialect, query: ListQuery) {
  return runList<AssessmentRow>(base(db), assessmentListSpec, query, dialect, columns as never);
}

/** The system's assessments, newest version first. */
export function assessmentsOf(db: Executor, aiSystemId: string) {
  return db
    .selectFrom('impact_assessments')
    .selectAll()
    .where('ai_system_id', '=', aiSystemId)
    .orderBy('version', 'desc')
    .execute();
}

export async function insertAssessment(trx: Transaction<DB>, row: ImpactAssessmentsTable) {
  await trx.insertInto('impact_assessments').values(row).execute();
}

export async function updateAssessment(
  trx: Transaction<DB>,
  id: string,
  changes: Partial<ImpactAssessmentsTable>,
) {
  await trx.updateTable('impact_assessments').set(changes).where('id', '=', id).execute();
}

export async function deleteAssessment(trx: Transaction<DB>, id: string) {
  await trx.deleteFrom('impact_assessments').where('id', '=', id).execute();
}
