import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Migrations use Kysely<any>: they describe the schema as it was at that point, not today's types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

function timestamps<T extends string>(table: CreateTableBuilder<T>) {
  return table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());
}

const ownerColumn = <T extends string>(table: CreateTableBuilder<T>) =>
  table.addColumn('owner_id', 'text', (c) => c.references('people.id'));

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('job_title', 'text')
    .addColumn('department', 'text')
    .addColumn('manager_id', 'text', (c) => c.references('people.id'))
    .addColumn('active', 'boolean', (c) => c.notNull())
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().unique().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('vendors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('models_provided', 'text', (c) => c.notNull())
    .addColumn('criticality', 'text', (c) => c.notNull())
    .addColumn('contract_status', 'text', (c) => c.notNull())
    .addColumn('dpa_status', 'text', (c) => c.notNull())
    .addColumn('sla_summary', 'text', (c) => c.notNull())
    .addColumn('intended_use_approved', 'boolean', (c) => c.notNull())
    .addColumn('review_cadence_months', 'integer', (c) => c.notNull())
    .addColumn('last_review_at', 'text')
    .addColumn('next_review_due', 'text')
    .$call(ownerColumn)
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('personal_data_categories', 'text', (c) => c.notNull())
    .addColumn('quality_notes', 'text', (c) => c.notNull())
    .addColumn('record_count', 'bigint')
    .addColumn('size_bytes', 'bigint')
    .$call(ownerColumn)
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('ai_systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('intended_purpose', 'text', (c) => c.notNull())
    .addColumn('lifecycle_stage', 'text', (c) => c.notNull())
    .addColumn('organisation_role', 'text', (c) => c.notNull())
    .addColumn('risk_tier', 'text', (c) => c.notNull())
    .addColumn('affected_persons', 'text', (c) => c.notNull())
    .addColumn('decision_autonomy', 'text')
    .addColumn('human_oversight', 'text', (c) => c.notNull())
    .addColumn('deployment_environment', 'text', (c) => c.notNull())
    .addColumn('business_unit', 'text', (c) => c.notNull())
    .addColumn('models', 'text', (c) => c.notNull())
    .addColumn('deployed_at', 'text')
    .addColumn('last_reviewed_at', 'text')
    .addColumn('next_review_due', 'text')
    .$call(ownerColumn)
    .$call(timestamps)
    .execute();

  for (const [table, target] of [
    ['ai_system_datasets', 'datasets'],
    ['ai_system_vendors', 'vendors'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
      .addColumn('target_id', 'text', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
      .addPrimaryKeyConstraint(`${table}_pk`, ['ai_system_id', 'target_id'])
      .execute();
    await db.schema.createIndex(`${table}_target_idx`).on(table).column('target_id').execute();
  }

  await db.schema
    .createTable('risk_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('typical_causes', 'text', (c) => c.notNull())
    .addColumn('typical_consequences', 'text', (c) => c.notNull())
    .addColumn('suggested_treatments', 'text', (c) => c.notNull())
    .addColumn('default_likelihood', 'integer', (c) => c.notNull())
    .addColumn('default_impact', 'integer', (c) => c.notNull())
    .addColumn('content_version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('scenario_id', 'text', (c) => c.references('risk_scenarios.id'))
    .addColumn('likelihood', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('inherent_score', 'integer', (c) => c.notNull())
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_impact', 'integer')
    .addColumn('residual_score', 'integer')
    .addColumn('treatment', 'text')
    .addColumn('treatment_plan', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('accepted_by_id', 'text', (c) => c.references('people.id'))
    .addColumn('accepted_at', 'text')
    .addColumn('acceptance_expires_at', 'text')
    .$call(ownerColumn)
    .$call(timestamps)
    .execute();
  await db.schema
    .createIndex('risks_inherent_score_idx')
    .on('risks')
    .columns(['inherent_score', 'id'])
    .execute();
  await db.schema.createIndex('risks_cell_idx').on('risks').columns(['likelihood', 'impact']).execute();
  await db.schema.createIndex('risks_owner_idx').on('risks').column('owner_id').execute();

  await db.schema
    .createTable('risk_ai_systems')
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('risk_ai_systems_pk', ['risk_id', 'ai_system_id'])
    .execute();
  await db.schema
    .createIndex('risk_ai_systems_system_idx')
    .on('risk_ai_systems')
    .column('ai_system_id')
    .execute();

  // Names sort case-insensitively in lists: index the expression the list query orders by.
  for (const table of ['ai_systems', 'datasets', 'vendors', 'people']) {
    await db.schema.createIndex(`${table}_name_idx`).on(table).expression(sql`lower(name), id`).execute();
  }
  await db.schema.createIndex('risks_title_idx').on('risks').expression(sql`lower(title), id`).execute();
  for (const table of ['ai_systems', 'datasets', 'vendors']) {
    await db.schema.createIndex(`${table}_owner_idx`).on(table).column('owner_id').execute();
  }

  await db.schema
    .createTable('scope_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('boundaries', 'text', (c) => c.notNull())
    .addColumn('exclusions', 'text', (c) => c.notNull())
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('context_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('effect', 'text', (c) => c.notNull())
    .$call(ownerColumn)
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('interested_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('expectations', 'text', (c) => c.notNull())
    .$call(ownerColumn)
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // seq is assigned by the appender while it holds the append lock, so it is gap-free and portable.
  await db.schema
    .createTable('trail')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('trail_entity_idx')
    .on('trail')
    .columns(['entity_type', 'entity_id', 'seq'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'trail',
    'settings',
    'interested_parties',
    'context_issues',
    'scope_versions',
    'risk_ai_systems',
    'risks',
    'risk_scenarios',
    'ai_system_vendors',
    'ai_system_datasets',
    'ai_systems',
    'datasets',
    'vendors',
    'api_tokens',
    'sessions',
    'users',
    'people',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
