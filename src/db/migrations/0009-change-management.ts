import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was at that point
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('impact_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('impact_level', 'text', (c) => c.notNull())
    .addColumn('assessor_id', 'text', (c) => c.references('people.id'))
    .addColumn('submitted_by', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('review_cadence_months', 'integer', (c) => c.notNull())
    .addColumn('next_review_due', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('impact_assessments_version_uq')
    .on('impact_assessments')
    .columns(['ai_system_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('impact_assessment_triggers')
    .addColumn('ai_system_id', 'text', (c) => c.primaryKey().references('ai_systems.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .execute();

  await db.schema
    .createTable('change_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('material', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.references('people.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('required_signoffs', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('implemented_on', 'text')
    .addColumn('implemented_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('change_requests_system_idx')
    .on('change_requests')
    .column('ai_system_id')
    .execute();
  await db.schema
    .createTable('change_signoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('change_request_id', 'text', (c) =>
      c.notNull().references('change_requests.id').onDelete('cascade'),
    )
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('signer_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('signer_label', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('change_signoffs_uq')
    .on('change_signoffs')
    .columns(['change_request_id', 'requirement'])
    .unique()
    .execute();
  await db.schema
    .createTable('risk_review_flags')
    .addColumn('risk_id', 'text', (c) => c.primaryKey().references('risks.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'risk_review_flags',
    'change_signoffs',
    'change_requests',
    'impact_assessment_triggers',
    'impact_assessments',
  ])
    await db.schema.dropTable(table).execute();
}
