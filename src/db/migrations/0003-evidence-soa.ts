import { type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was at that point
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('storage', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Used when blobs live in the database (PostgreSQL shared by several machines).
  await db.schema
    .createTable('blob_chunks')
    .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_chunks_pk', ['sha256', 'seq'])
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('collected_at', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_valid_until_idx').on('evidence').column('valid_until').execute();

  await db.schema
    .createTable('evidence_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('blob_sha256', 'text', (c) => c.references('blobs.sha256'))
    .addColumn('filename', 'text')
    .addColumn('content_type', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('url', 'text')
    .addColumn('note', 'text')
    .addColumn('collected_at', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_versions_uq')
    .on('evidence_versions')
    .columns(['evidence_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('evidence_controls')
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull().references('controls.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('evidence_controls_pk', ['evidence_id', 'control_id'])
    .execute();
  await db.schema
    .createIndex('evidence_controls_control_idx')
    .on('evidence_controls')
    .column('control_id')
    .execute();

  // The Statement of Applicability's working draft: one row per Annex A control that has been decided.
  await db.schema
    .createTable('soa_entries')
    .addColumn('requirement_id', 'text', (c) =>
      c.primaryKey().references('requirements.id').onDelete('cascade'),
    )
    .addColumn('applicable', 'boolean', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('soa_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addColumn('changelog', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('soa_versions_uq')
    .on('soa_versions')
    .columns(['framework_id', 'version'])
    .unique()
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'soa_versions',
    'soa_entries',
    'evidence_controls',
    'evidence_versions',
    'evidence',
    'blob_chunks',
    'blobs',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
