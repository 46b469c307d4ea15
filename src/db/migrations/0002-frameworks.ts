import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was at that point
type AnyDb = Kysely<any>;

function timestamps<T extends string>(table: CreateTableBuilder<T>) {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('frameworks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('content_version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('in_scope', 'boolean', (c) => c.notNull())
    .$call(timestamps)
    .execute();

  // id is "<framework>:<ref>", so a requirement is addressable on its own and refs stay unique per framework.
  await db.schema
    .createTable('requirements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('parent_ref', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('auditor_focus', 'text', (c) => c.notNull())
    .addColumn('typical_evidence', 'text', (c) => c.notNull())
    .addColumn('applies_to', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('assessable', 'boolean', (c) => c.notNull())
    .addColumn('not_covered_reason', 'text')
    .$call(timestamps)
    .execute();
  await db.schema
    .createIndex('requirements_framework_ref_uq')
    .on('requirements')
    .columns(['framework_id', 'ref'])
    .unique()
    .execute();
  await db.schema
    .createIndex('requirements_order_idx')
    .on('requirements')
    .columns(['framework_id', 'position'])
    .execute();

  await db.schema
    .createTable('controls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('evidence_required', 'boolean', (c) => c.notNull())
    .addColumn('expected_evidence', 'text', (c) => c.notNull())
    .addColumn('adopted', 'boolean', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('implementation_notes', 'text', (c) => c.notNull())
    .addColumn('last_reviewed_at', 'text')
    .addColumn('next_review_due', 'text')
    .addColumn('content_version', 'integer')
    .addColumn('content_hash', 'text')
    .$call(timestamps)
    .execute();
  await db.schema.createIndex('controls_name_idx').on('controls').expression(sql`lower(name), id`).execute();

  await db.schema
    .createTable('control_mappings')
    .addColumn('control_id', 'text', (c) => c.notNull().references('controls.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('requirements.id').onDelete('cascade'))
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('control_mappings_pk', ['control_id', 'requirement_id'])
    .execute();
  await db.schema
    .createIndex('control_mappings_requirement_idx')
    .on('control_mappings')
    .column('requirement_id')
    .execute();

  await db.schema
    .createTable('framework_mappings')
    .addColumn('from_requirement_id', 'text', (c) =>
      c.notNull().references('requirements.id').onDelete('cascade'),
    )
    .addColumn('to_requirement_id', 'text', (c) =>
      c.notNull().references('requirements.id').onDelete('cascade'),
    )
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_mappings_pk', ['from_requirement_id', 'to_requirement_id'])
    .execute();
  await db.schema
    .createIndex('framework_mappings_to_idx')
    .on('framework_mappings')
    .column('to_requirement_id')
    .execute();

  for (const [table, column, target] of [
    ['control_risks', 'risk_id', 'risks'],
    ['control_ai_systems', 'ai_system_id', 'ai_systems'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('control_id', 'text', (c) => c.notNull().references('controls.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['control_id', column])
      .execute();
    await db.schema.createIndex(`${table}_target_idx`).on(table).column(column).execute();
  }

  // A manager's confirmation that partial (subset/intersect) mappings together cover a requirement.
  await db.schema
    .createTable('coverage_confirmations')
    .addColumn('requirement_id', 'text', (c) =>
      c.primaryKey().references('requirements.id').onDelete('cascade'),
    )
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('readiness_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id').onDelete('cascade'))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('percent', 'real', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('readiness_snapshots_day_idx')
    .on('readiness_snapshots')
    .columns(['framework_id', 'day', 'trigger'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'readiness_snapshots',
    'coverage_confirmations',
    'control_ai_systems',
    'control_risks',
    'framework_mappings',
    'control_mappings',
    'controls',
    'requirements',
    'frameworks',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
