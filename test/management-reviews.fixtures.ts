import { randomUUID } from 'node:crypto';
import type { Executor } from '../src/db/database.js';
import { addDays } from '../src/lib/time.js';

/**
 * Known records in other modules' tables, written straight into the database (their services are built in
 * parallel), with dates relative to `today` so the figures a review compiles are exact. A review compiled
 * today after a review held 100 days ago covers today-99 … today.
 */
export async function seedReviewInputs(db: Executor, today: string, dialect: 'sqlite' | 'postgres') {
  const at = (days: number) => `${addDays(today, days)}T10:00:00.000Z`;
  const on = (days: number) => addDays(today, days);
  const bool = (value: boolean) => (dialect === 'sqlite' ? (value ? 1 : 0) : value);
  const stamp = (days: number, changed = days) => ({ created_at: at(days), updated_at: at(changed) });

  // Context: one added, one older and changed in the period, one untouched since long before.
  const issue = (title: string, kind: string, created: number, changed: number) => ({
    id: randomUUID(),
    kind,
    title,
    description: '',
    category: 'technological',
    effect: 'neutral',
    owner_id: null,
    ...stamp(created, changed),
  });
  await db
    .insertInto('context_issues')
    .values([
      issue('New AI regulation', 'internal', -10, -10),
      issue('Cloud dependency', 'external', -200, -5),
      issue('Old issue', 'internal', -200, -200),
    ])
    .execute();
  const party = (name: string, created: number) => ({
    id: randomUUID(),
    name,
    category: 'customer',
    needs: '',
    expectations: '',
    owner_id: null,
    ...stamp(created),
  });
  await db
    .insertInto('interested_parties')
    .values([party('Regulator', -3), party('Staff', -300)])
    .execute();

  // Nonconformities: two raised in the period (one since closed), one older still open.
  const nc = (n: number, grade: string, status: string, raised: number, closed: number | null) => ({
    id: randomUUID(),
    reference: `NC-2026-${900 + n}`,
    ref_year: 2026,
    ref_number: 900 + n,
    title: `Nonconformity ${n}`,
    description: '',
    source: 'manual',
    source_id: null,
    requirement_id: null,
    grade,
    status,
    containment: '',
    correction: '',
    root_cause_whys: '[]',
    root_cause: '',
    owner_id: null,
    raised_by: 'test',
    raised_on: on(raised),
    closed_at: closed === null ? null : at(closed),
    ...stamp(raised),
  });
  const ncs = [
    nc(1, 'major', 'open', -20, null),
    nc(2, 'minor', 'closed', -50, -10),
    nc(3, 'minor', 'action_planned', -300, null),
  ];
  await db.insertInto('nonconformities').values(ncs).execute();
  const action = (n: number, kind: string, status: string, due: number, completed: number | null) => ({
    id: randomUUID(),
    reference: `CA-2026-${900 + n}`,
    ref_year: 2026,
    ref_number: 900 + n,
    nonconformity_id: kind === 'improvement' ? null : (ncs[0]?.id ?? null),
    incident_id: null,
    title: `Action ${n}`,
    description: '',
    kind,
    owner_id: null,
    due_date: on(due),
    status,
    progress: 0,
    investment: null,
    investment_note: '',
    completion_notes: '',
    completed_at: completed === null ? null : at(completed),
    ...stamp(-30),
  });
  await db
    .insertInto('corrective_actions')
    .values([
      action(1, 'corrective', 'done', -6, -5),
      action(2, 'corrective', 'in_progress', -1, null),
      action(3, 'improvement', 'planned', 30, null),
    ])
    .execute();
  await db
    .insertInto('effectiveness_checks')
    .values({
      id: randomUUID(),
      nonconformity_id: ncs[1]?.id as string,
      planned_for: on(-4),
      checker_id: null,
      result: 'effective',
      notes: '',
      checked_at: at(-4),
      ...stamp(-10, -4),
    })
    .execute();

  // Monitoring: the built-in tests set to known outcomes; two open issues (one overdue), one resolved.
  await db
    .updateTable('tests')
    .set({ status: 'not_run', enabled: bool(true) })
    .execute();
  const tests = await db.selectFrom('tests').select('id').orderBy('id').limit(5).execute();
  const outcomes = ['ok', 'ok', 'needs_attention', 'error', 'ok'];
  for (const [i, test] of tests.entries())
    await db
      .updateTable('tests')
      .set({ status: outcomes[i] as string, enabled: bool(i < 4) })
      .where('id', '=', test.id)
      .execute();
  const monitoringIssue = (n: number, status: string, due: number) => ({
    id: randomUUID(),
    number: 9000 + n,
    test_id: tests[0]?.id as string,
    resource_id: `resource-${n}`,
    resource_name: `Resource ${n}`,
    open_key: null,
    title: `Issue ${n}`,
    severity: 'high',
    status,
    owner_id: null,
    due_at: at(due),
    opened_at: at(-20),
    opened_transition_id: randomUUID(),
    resolved_at: status === 'resolved' ? at(-2) : null,
    resolution: null,
    resolved_transition_id: null,
    flapping: bool(false),
    updated_at: at(-2),
  });
  await db
    .insertInto('issues')
    .values([
      monitoringIssue(1, 'open', -1),
      monitoringIssue(2, 'open', 5),
      monitoringIssue(3, 'resolved', -3),
    ])
    .execute();
  const planItem = (subject: string, analysed: number | null) => ({
    id: randomUUID(),
    subject,
    method: '',
    frequency: 'monthly',
    analyst_id: null,
    analysis_schedule: '',
    requirement_refs: '[]',
    last_analysed_at: analysed === null ? null : at(analysed),
    analysis_notes: '',
    ...stamp(-400),
  });
  await db
    .insertInto('monitoring_plan_items')
    .values([planItem('Model drift', -7), planItem('Bias metrics', -300), planItem('Explainability', null)])
    .execute();

  await seedAudits(db, at);
  await seedObjectives(db, at);
  await seedRisksAndIncidents(db, at, bool);
  return { ncs };
}

async function seedAudits(db: Executor, at: (days: number) => string) {
  const framework = await db.selectFrom('frameworks').select('id').orderBy('id').executeTakeFirstOrThrow();
  const audit = (n: number, completed: number) => ({
    id: randomUUID(),
    reference: `IA-2026-${90 + n}`,
    ref_year: 2026,
    ref_number: 90 + n,
    programme_id: null,
    title: `Internal audit ${n}`,
    scope: '',
    criteria: '',
    framework_id: framework.id,
    lead_auditor_id: null,
    planned_start: at(completed - 5).slice(0, 10),
    planned_end: at(completed).slice(0, 10),
    status: 'completed',
    independence_warnings: '[]',
    independence_justification: '',
    conclusion: '',
    started_at: at(completed - 5),
    completed_at: at(completed),
    created_at: at(completed - 10),
    updated_at: at(completed),
  });
  const recent = audit(1, -15);
  const old = audit(2, -200);
  await db.insertInto('audits').values([recent, old]).execute();
  const finding = (auditId: string, type: string, days: number) => ({
    id: randomUUID(),
    audit_id: auditId,
    checklist_item_id: null,
    requirement_id: null,
    type,
    description: `A ${type} finding`,
    nonconformity_id: null,
    created_at: at(days),
    updated_at: at(days),
  });
  await db
    .insertInto('audit_findings')
    .values([
      finding(recent.id, 'major_nc', -15),
      finding(recent.id, 'minor_nc', -15),
      finding(recent.id, 'observation', -15),
      finding(recent.id, 'opportunity', -15),
      finding(recent.id, 'opportunity', -15),
      finding(old.id, 'opportunity', -200),
    ])
    .execute();
  const certificationId = randomUUID();
  await db
    .insertInto('certification')
    .values({
      id: certificationId,
      framework_id: framework.id,
      body: 'Test body',
      certificate_number: 'C-1',
      scope: '',
      issued_on: null,
      expires_on: null,
      created_at: at(-400),
      updated_at: at(-400),
    })
    .execute();
  const external = (kind: string, status: string, end: number) => ({
    id: randomUUID(),
    certification_id: certificationId,
    kind,
    planned_start: at(end - 3).slice(0, 10),
    planned_end: at(end).slice(0, 10),
    status,
    lead_auditor: 'Ext Auditor',
    result: status === 'completed' ? 'Recommended' : '',
    created_at: at(-400),
    updated_at: at(end),
  });
  await db
    .insertInto('external_audits')
    .values([external('stage1', 'completed', -30), external('stage2', 'planned', 40)])
    .execute();
}

async function seedObjectives(db: Executor, at: (days: number) => string) {
  const objective = (title: string, direction: string, target: number, status = 'active') => ({
    id: randomUUID(),
    title,
    description: '',
    metric: title,
    unit: '%',
    direction,
    target,
    baseline: null,
    source: 'manual',
    source_test_id: null,
    source_integration_id: null,
    source_query: null,
    frequency: 'monthly',
    ai_system_id: null,
    owner_id: null,
    due_date: null,
    status,
    created_at: at(-400),
    updated_at: at(-400),
  });
  const met = objective('Model cards complete', 'at_least', 90);
  const missed = objective('Complaint rate', 'at_most', 5);
  const empty = objective('Staff trained', 'at_least', 100);
  const achieved = objective('Old objective', 'at_least', 1, 'achieved');
  await db.insertInto('objectives').values([met, missed, empty, achieved]).execute();
  const measurement = (objectiveId: string, value: number, days: number) => ({
    id: randomUUID(),
    objective_id: objectiveId,
    measured_at: at(days),
    value,
    source: 'manual',
    note: '',
    recorded_by: 'test',
    created_at: at(days),
  });
  await db
    .insertInto('objective_measurements')
    .values([measurement(met.id, 80, -40), measurement(met.id, 95, -5), measurement(missed.id, 7, -3)])
    .execute();
}

async function seedRisksAndIncidents(
  db: Executor,
  at: (days: number) => string,
  bool: (value: boolean) => boolean | number,
) {
  const risk = (title: string, inherent: number, residual: number | null, status: string) => ({
    id: randomUUID(),
    title,
    description: '',
    scenario_id: null,
    likelihood: 1,
    impact: inherent,
    inherent_score: inherent,
    residual_likelihood: null,
    residual_impact: null,
    residual_score: residual,
    treatment: null,
    treatment_plan: '',
    owner_id: null,
    due_date: null,
    status,
    accepted_by_id: null,
    accepted_at: null,
    acceptance_expires_at: null,
    created_at: at(-50),
    updated_at: at(-50),
  });
  await db
    .insertInto('risks')
    .values([
      risk('Drift', 16, null, 'assessed'),
      risk('Bias', 6, 4, 'in_treatment'),
      risk('Gone', 25, null, 'closed'),
    ])
    .execute();
  const incident = (n: number, severity: string, detected: number) => ({
    id: randomUUID(),
    reference: `INC-2026-${900 + n}`,
    ref_year: 2026,
    ref_number: 900 + n,
    title: `Incident ${n}`,
    description: '',
    severity,
    harm_type: 'other',
    serious: bool(false),
    serious_category: null,
    occurred_at: at(detected),
    detected_at: at(detected),
    status: 'open',
    root_cause: '',
    corrective_action_ids: '[]',
    lessons_learned: '',
    owner_id: null,
    resolved_at: null,
    closed_at: null,
    created_at: at(detected),
    updated_at: at(detected),
  });
  await db
    .insertInto('incidents')
    .values([incident(1, 'high', -10), incident(2, 'low', -400)])
    .execute();
  const concern = (n: number, status: string, closed: number | null) => ({
    id: randomUUID(),
    number: 900 + n,
    ai_system_id: null,
    category: 'bias',
    description: `Concern ${n}`,
    anonymous: bool(true),
    reporter_id: null,
    assignee_id: null,
    status,
    resolution: closed === null ? null : 'Answered',
    sla_days: 14,
    due_on: at(-1).slice(0, 10),
    closed_at: closed === null ? null : at(closed),
    created_at: at(-350),
    updated_at: at(closed ?? -350),
  });
  await db
    .insertInto('concerns')
    .values([concern(1, 'closed', -2), concern(2, 'closed', -300), concern(3, 'open', null)])
    .execute();
}
