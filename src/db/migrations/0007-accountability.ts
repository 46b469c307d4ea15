import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was at that point
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('aims_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('responsibilities', 'text', (c) => c.notNull())
    .addColumn('iso_refs', 'text', (c) => c.notNull())
    .addColumn('aims_owner', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('aims_roles_name_uq')
    .on('aims_roles')
    .expression(sql`lower(name)`)
    .unique()
    .execute();
  // At most one AIMS owner role, even when two writers race past the service's check.
  await db.schema
    .createIndex('aims_roles_owner_uq')
    .on('aims_roles')
    .column('aims_owner')
    .unique()
    .where(sql.ref('aims_owner'), '=', true)
    .execute();

  await db.schema
    .createTable('aims_role_assignments')
    .addColumn('role_id', 'text', (c) => c.notNull().references('aims_roles.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('raci', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aims_role_assignments_pk', ['role_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('aims_role_assignments_person_idx')
    .on('aims_role_assignments')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('concerns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('ai_system_id', 'text', (c) => c.references('ai_systems.id').onDelete('set null'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'boolean', (c) => c.notNull())
    // Always null for anonymous concerns: the reporter is never stored for them.
    .addColumn('reporter_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('assignee_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('sla_days', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('concerns_number_uq').on('concerns').column('number').unique().execute();
  await db.schema
    .createIndex('concerns_status_due_idx')
    .on('concerns')
    .columns(['status', 'due_on'])
    .execute();
  for (const column of ['assignee_id', 'reporter_id', 'ai_system_id']) {
    await db.schema.createIndex(`concerns_${column}_idx`).on('concerns').column(column).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['concerns', 'aims_role_assignments', 'aims_roles']) {
    await db.schema.dropTable(table).execute();
  }
}
