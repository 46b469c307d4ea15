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
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['impact_assessment_triggers', 'impact_assessments'])
    await db.schema.dropTable(table).execute();
}
