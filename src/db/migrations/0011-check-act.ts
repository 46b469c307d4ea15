import type { CreateTableBuilder, Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was at that point
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: table builders of any table
type Table = CreateTableBuilder<any, any>;

const timestamps = (table: Table) =>
  table
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull());

const person = (table: Table, column: string) =>
  table.addColumn(column, 'text', (c) => c.references('people.id').onDelete('set null'));

async function objectives(db: AnyDb) {
  let table = db.schema
    .createTable('objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('baseline', 'double precision')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_test_id', 'text', (c) => c.references('tests.id').onDelete('set null'))
    .addColumn('source_integration_id', 'text', (c) => c.references('integrations.id').onDelete('set null'))
    .addColumn('source_query', 'text')
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('ai_system_id', 'text', (c) => c.references('ai_systems.id').onDelete('set null'));
  table = person(table, 'owner_id')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull());
  await timestamps(table).execute();
  await db.schema.createIndex('objectives_owner_idx').on('objectives').column('owner_id').execute();

  await db.schema
    .createTable('objective_measurements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('measured_at', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objective_measurements_objective_idx')
    .on('objective_measurements')
    .columns(['objective_id', 'measured_at'])
    .execute();

  let plan = db.schema
    .createTable('monitoring_plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull());
  plan = person(plan, 'analyst_id')
    .addColumn('analysis_schedule', 'text', (c) => c.notNull())
    .addColumn('requirement_refs', 'text', (c) => c.notNull())
    .addColumn('last_analysed_at', 'text')
    .addColumn('analysis_notes', 'text', (c) => c.notNull());
  await timestamps(plan).execute();

  await db.schema
    .createTable('monitoring_plan_links')
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('monitoring_plan_items.id').onDelete('cascade'),
    )
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitoring_plan_links_pk', ['item_id', 'target_type', 'target_id'])
    .execute();
}

async function audits(db: AnyDb) {
  let programmes = db.schema
    .createTable('audit_programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id'))
    .addColumn('cycle_start', 'text', (c) => c.notNull())
    .addColumn('cycle_end', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull());
  programmes = person(person(programmes, 'owner_id'), 'approved_by').addColumn('approved_at', 'text');
  await timestamps(programmes).execute();

  let audit = db.schema
    .createTable('audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('ref_year', 'integer', (c) => c.notNull())
    .addColumn('ref_number', 'integer', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.references('audit_programmes.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('framework_id', 'text', (c) => c.notNull().references('frameworks.id'));
  audit = person(audit, 'lead_auditor_id')
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('independence_warnings', 'text', (c) => c.notNull())
    .addColumn('independence_justification', 'text', (c) => c.notNull())
    .addColumn('conclusion', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text');
  await timestamps(audit).execute();
  await db.schema
    .createIndex('audits_ref_uq')
    .on('audits')
    .columns(['ref_year', 'ref_number'])
    .unique()
    .execute();
  await db.schema.createIndex('audits_programme_idx').on('audits').column('programme_id').execute();

  await db.schema
    .createTable('audit_team')
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('audit_team_pk', ['audit_id', 'person_id'])
    .execute();

  let items = db.schema
    .createTable('audit_checklist_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('requirements.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('sampled_evidence_ids', 'text', (c) => c.notNull());
  items = person(items, 'assessed_by').addColumn('assessed_at', 'text');
  await timestamps(items).execute();
  await db.schema
    .createIndex('audit_checklist_items_uq')
    .on('audit_checklist_items')
    .columns(['audit_id', 'requirement_id'])
    .unique()
    .execute();

  const findings = db.schema
    .createTable('audit_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('checklist_item_id', 'text', (c) =>
      c.references('audit_checklist_items.id').onDelete('set null'),
    )
    .addColumn('requirement_id', 'text', (c) => c.references('requirements.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // Points at nonconformities, created below; kept as plain text to avoid a cycle between the two tables.
    .addColumn('nonconformity_id', 'text');
  await timestamps(findings).execute();
  await db.schema.createIndex('audit_findings_audit_idx').on('audit_findings').column('audit_id').execute();
}

async function nonconformities(db: AnyDb) {
  let table = db.schema
    .createTable('nonconformities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('ref_year', 'integer', (c) => c.notNull())
    .addColumn('ref_number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('requirement_id', 'text', (c) => c.references('requirements.id'))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('containment', 'text', (c) => c.notNull())
    .addColumn('correction', 'text', (c) => c.notNull())
    .addColumn('root_cause_whys', 'text', (c) => c.notNull())
    .addColumn('root_cause', 'text', (c) => c.notNull());
  table = person(table, 'owner_id')
    .addColumn('raised_by', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('cancellation_reason', 'text', (c) => c.notNull().defaultTo(''));
  await timestamps(table).execute();
  await db.schema
    .createIndex('nonconformities_ref_uq')
    .on('nonconformities')
    .columns(['ref_year', 'ref_number'])
    .unique()
    .execute();
  await db.schema.createIndex('nonconformities_owner_idx').on('nonconformities').column('owner_id').execute();

  let checks = db.schema
    .createTable('effectiveness_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nonconformity_id', 'text', (c) =>
      c.notNull().references('nonconformities.id').onDelete('cascade'),
    )
    .addColumn('planned_for', 'text', (c) => c.notNull());
  checks = person(checks, 'checker_id')
    .addColumn('result', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'text');
  await timestamps(checks).execute();
  await db.schema
    .createIndex('effectiveness_checks_nc_idx')
    .on('effectiveness_checks')
    .column('nonconformity_id')
    .execute();

  let actions = db.schema
    .createTable('corrective_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('ref_year', 'integer', (c) => c.notNull())
    .addColumn('ref_number', 'integer', (c) => c.notNull())
    .addColumn('nonconformity_id', 'text', (c) => c.references('nonconformities.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull());
  actions = person(actions, 'owner_id')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('investment', 'double precision')
    .addColumn('investment_note', 'text', (c) => c.notNull())
    .addColumn('completion_notes', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text');
  await timestamps(actions).execute();
  await db.schema
    .createIndex('corrective_actions_ref_uq')
    .on('corrective_actions')
    .columns(['ref_year', 'ref_number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('corrective_actions_nc_idx')
    .on('corrective_actions')
    .column('nonconformity_id')
    .execute();
  await db.schema
    .createIndex('corrective_actions_due_idx')
    .on('corrective_actions')
    .columns(['status', 'due_date'])
    .execute();
}

async function managementReviews(db: AnyDb) {
  let reviews = db.schema
    .createTable('management_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull());
  reviews = person(reviews, 'chair_id')
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('inputs_snapshot', 'text')
    .addColumn('input_notes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('completed_at', 'text');
  await timestamps(reviews).execute();

  await db.schema
    .createTable('management_review_attendees')
    .addColumn('review_id', 'text', (c) =>
      c.notNull().references('management_reviews.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('management_review_attendees_pk', ['review_id', 'person_id'])
    .execute();

  let outputs = db.schema
    .createTable('management_review_outputs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) =>
      c.notNull().references('management_reviews.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull());
  outputs = person(outputs, 'owner_id')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text');
  await timestamps(outputs).execute();
  await db.schema
    .createIndex('management_review_outputs_review_idx')
    .on('management_review_outputs')
    .column('review_id')
    .execute();
}

async function certification(db: AnyDb) {
  const certificationTable = db.schema
    .createTable('certification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('framework_id', 'text', (c) => c.notNull().unique().references('frameworks.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('certificate_number', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text')
    .addColumn('expires_on', 'text');
  await timestamps(certificationTable).execute();

  const external = db.schema
    .createTable('external_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('certification_id', 'text', (c) =>
      c.notNull().references('certification.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lead_auditor', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull());
  await timestamps(external).execute();

  await db.schema
    .createTable('calendar_feed_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await objectives(db);
  await audits(db);
  await nonconformities(db);
  await managementReviews(db);
  await certification(db);
}

const TABLES = [
  'calendar_feed_tokens',
  'external_audits',
  'certification',
  'management_review_outputs',
  'management_review_attendees',
  'management_reviews',
  'corrective_actions',
  'effectiveness_checks',
  'nonconformities',
  'audit_findings',
  'audit_checklist_items',
  'audit_team',
  'audits',
  'audit_programmes',
  'monitoring_plan_links',
  'monitoring_plan_items',
  'objective_measurements',
  'objectives',
];

export async function down(db: AnyDb): Promise<void> {
  for (const table of TABLES) await db.schema.dropTable(table).execute();
}
