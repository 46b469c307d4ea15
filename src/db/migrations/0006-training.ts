import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was at that point
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('material', 'text', (c) => c.notNull())
    .addColumn('material_url', 'text')
    .addColumn('audience_roles', 'text', (c) => c.notNull())
    .addColumn('audience_departments', 'text', (c) => c.notNull())
    .addColumn('recurrence_months', 'integer')
    .addColumn('duration_minutes', 'integer')
    .addColumn('pass_score', 'integer')
    .addColumn('iso_refs', 'text', (c) => c.notNull())
    .addColumn('template_id', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('courses_owner_idx').on('courses').column('owner_id').execute();

  await db.schema
    .createTable('training_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    // Set while open ("courseId|personId"), null once completed: unique, so a pair has one open assignment.
    .addColumn('open_key', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('score', 'integer')
    .addColumn('evidence_note', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text', (c) => c.references('evidence.id'))
    .addColumn('completed_by_label', 'text')
    .execute();
  await db.schema
    .createIndex('training_assignments_open_uq')
    .on('training_assignments')
    .column('open_key')
    .unique()
    .execute();
  await db.schema
    .createIndex('training_assignments_person_idx')
    .on('training_assignments')
    .columns(['person_id', 'due_on'])
    .execute();
  await db.schema
    .createIndex('training_assignments_course_idx')
    .on('training_assignments')
    .columns(['course_id', 'due_on'])
    .execute();
  await db.schema
    .createIndex('training_assignments_source_idx')
    .on('training_assignments')
    .columns(['source_type', 'source_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('training_assignments').execute();
  await db.schema.dropTable('courses').execute();
}
