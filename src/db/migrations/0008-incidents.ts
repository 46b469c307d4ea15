import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was at that point
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('ref_year', 'integer', (c) => c.notNull())
    .addColumn('ref_number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('harm_type', 'text', (c) => c.notNull())
    .addColumn('serious', 'boolean', (c) => c.notNull())
    .addColumn('serious_category', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('root_cause', 'text', (c) => c.notNull())
    .addColumn('corrective_action_ids', 'text', (c) => c.notNull())
    .addColumn('lessons_learned', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incidents_ref_uq')
    .on('incidents')
    .columns(['ref_year', 'ref_number'])
    .unique()
    .execute();
  await db.schema.createIndex('incidents_owner_idx').on('incidents').column('owner_id').execute();
  await db.schema.createIndex('incidents_detected_idx').on('incidents').column('detected_at').execute();

  await db.schema
    .createTable('incident_ai_systems')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('incident_ai_systems_pk', ['incident_id', 'ai_system_id'])
    .execute();
  await db.schema
    .createIndex('incident_ai_systems_system_idx')
    .on('incident_ai_systems')
    .column('ai_system_id')
    .execute();

  await db.schema
    .createTable('incident_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_timeline_incident_idx')
    .on('incident_timeline')
    .columns(['incident_id', 'at'])
    .execute();

  await db.schema
    .createTable('incident_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('rule', 'text')
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('interested_party_id', 'text', (c) =>
      c.references('interested_parties.id').onDelete('set null'),
    )
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_notifications_incident_idx')
    .on('incident_notifications')
    .columns(['incident_id', 'due_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['incident_notifications', 'incident_timeline', 'incident_ai_systems', 'incidents']) {
    await db.schema.dropTable(table).execute();
  }
}
