import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was at that point
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    // AES-256-GCM sealed JSON; null when the kind has no credentials.
    .addColumn('secrets', 'text')
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('next_sync_at', 'text')
    .addColumn('last_sync_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('resource_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('integrations_name_uq').on('integrations').column('name').unique().execute();

  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('attributes_hash', 'text', (c) => c.notNull())
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resources_external_uq')
    .on('resources')
    .columns(['integration_id', 'type', 'external_id'])
    .unique()
    .execute();
  await db.schema.createIndex('resources_type_idx').on('resources').columns(['type', 'id']).execute();

  await db.schema
    .createTable('tests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('builtin', 'boolean', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('applies_when', 'text')
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('controls', 'text', (c) => c.notNull())
    .addColumn('remediation', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('disabled_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('next_run_at', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tests_type_idx').on('tests').column('resource_type').execute();
  await db.schema.createIndex('tests_next_run_idx').on('tests').column('next_run_at').execute();

  await db.schema
    .createTable('test_controls')
    .addColumn('test_id', 'text', (c) => c.notNull().references('tests.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull().references('controls.id'))
    .addPrimaryKeyConstraint('test_controls_pk', ['test_id', 'control_id'])
    .execute();
  await db.schema.createIndex('test_controls_control_idx').on('test_controls').column('control_id').execute();

  await db.schema
    .createTable('test_versions')
    .addColumn('test_id', 'text', (c) => c.notNull().references('tests.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('test_versions_pk', ['test_id', 'version'])
    .execute();

  // The current state of each test × resource; rows change only when the outcome or reason changes.
  await db.schema
    .createTable('test_results')
    .addColumn('test_id', 'text', (c) => c.notNull().references('tests.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('test_version', 'integer', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('excluded', 'boolean', (c) => c.notNull())
    .addColumn('flapping', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('test_results_pk', ['test_id', 'resource_id'])
    .execute();
  await db.schema.createIndex('test_results_resource_idx').on('test_results').column('resource_id').execute();

  await db.schema
    .createTable('test_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('test_id', 'text', (c) => c.notNull().references('tests.id').onDelete('cascade'))
    .addColumn('test_version', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    // The scheduled slot a run belongs to; unique per test so no slot runs twice across workers.
    .addColumn('slot', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('transitions', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('test_runs_slot_uq')
    .on('test_runs')
    .columns(['test_id', 'slot'])
    .unique()
    .execute();
  await db.schema
    .createIndex('test_runs_test_idx')
    .on('test_runs')
    .columns(['test_id', 'started_at'])
    .execute();

  // Resource attributes as evaluated, content-addressed: every transition points at the exact snapshot.
  await db.schema
    .createTable('resource_snapshots')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('attributes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('test_transitions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('test_id', 'text', (c) => c.notNull().references('tests.id').onDelete('cascade'))
    // Kept when the resource disappears: the transition and its snapshot remain evidence.
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('resource_name', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('test_version', 'integer', (c) => c.notNull())
    .addColumn('from_outcome', 'text')
    .addColumn('to_outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('snapshot_sha256', 'text', (c) => c.notNull().references('resource_snapshots.sha256'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('test_transitions_pair_idx')
    .on('test_transitions')
    .columns(['test_id', 'resource_id', 'at'])
    .execute();

  await db.schema
    .createTable('test_exclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('test_id', 'text', (c) => c.notNull().references('tests.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema.createIndex('test_exclusions_test_idx').on('test_exclusions').column('test_id').execute();

  await db.schema
    .createTable('issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('test_id', 'text', (c) => c.notNull().references('tests.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('resource_name', 'text', (c) => c.notNull())
    // Set while open ("testId|resourceId"), null once resolved: one open issue per pair on both databases.
    .addColumn('open_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('people.id'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_transition_id', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .addColumn('resolved_transition_id', 'text')
    .addColumn('flapping', 'boolean', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('issues_open_key_uq').on('issues').column('open_key').unique().execute();
  await db.schema.createIndex('issues_number_uq').on('issues').column('number').unique().execute();
  await db.schema.createIndex('issues_status_idx').on('issues').columns(['status', 'due_at']).execute();
  // Each test run reads its own open issues.
  await db.schema.createIndex('issues_test_status_idx').on('issues').columns(['test_id', 'status']).execute();

  await db.schema
    .createTable('issue_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('issue_comments_issue_idx').on('issue_comments').column('issue_id').execute();

  // Cursors of background work (e.g. the last trail entry re-evaluated), shared by all workers.
  await db.schema
    .createTable('monitoring_cursors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'monitoring_cursors',
    'issue_comments',
    'issues',
    'test_exclusions',
    'test_transitions',
    'resource_snapshots',
    'test_runs',
    'test_results',
    'test_versions',
    'test_controls',
    'tests',
    'resources',
    'integrations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
