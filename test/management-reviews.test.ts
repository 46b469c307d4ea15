import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { lastCompletedReviewFacts } from '../src/modules/management-reviews/facts.js';
import { managementReviewInboxItems } from '../src/modules/management-reviews/inbox.js';
import { seedReviewInputs } from './management-reviews.fixtures.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';
import { docxXml, pdfText } from './support/documents.js';

interface Inputs {
  frozen: boolean;
  period: { from: string; to: string };
  previousReview: { id: string } | null;
  sections: Array<{
    key: string;
    figures: Array<{ key: string; value: number }>;
    tables: Array<{ rows: string[][] }>;
  }>;
  comparison: Array<{
    section: string;
    figure: string;
    current: number;
    previous: number | null;
    delta: number | null;
  }>;
}

/** Every figure of the compiled inputs as "section.figure" → value, to compare with the data in one go. */
const figures = (inputs: Inputs) =>
  Object.fromEntries(inputs.sections.flatMap((s) => s.figures.map((f) => [`${s.key}.${f.key}`, f.value])));

describe.each(DIALECTS)('management reviews on %s', (dialect) => {
  let t: TestApp;
  const today = todayIso();
  let previousId: string;
  let reviewId: string;
  let overdueActionId: string;
  let laterActionId: string;

  const call = async (role: Parameters<TestApp['request']>[0], method: string, url: string, body?: unknown) =>
    t.request(role, method, url, body);
  const ok = async (method: string, url: string, body?: unknown, status = 200) => {
    const response = await call('manager', method, url, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.context.services.aiSystems.create(admin, { name: 'Credit scoring' });
    await seedReviewInputs(t.context.db.kysely, today, dialect);
    // The previous review, held 100 days ago, with a decision and two tracked actions.
    previousId = (
      await ok(
        'POST',
        '/api/management-reviews',
        { title: 'Review 1', scheduledFor: addDays(today, -101) },
        201,
      )
    ).id;
    await ok('POST', `/api/management-reviews/${previousId}/transitions`, { to: 'in_progress' });
    const add = (body: object) => ok('POST', `/api/management-reviews/${previousId}/outputs`, body, 201);
    await add({ kind: 'decision', description: 'Keep the AI policy as it is' });
    await add({
      kind: 'improvement',
      description: 'Automate drift checks',
      ownerId: t.users.contributor.personId,
      dueDate: addDays(today, -10),
    });
    const withOutputs = await add({
      kind: 'resource',
      description: 'Hire an ML auditor',
      ownerId: t.users.manager.personId,
      dueDate: addDays(today, 20),
    });
    overdueActionId = withOutputs.outputs[1].id;
    laterActionId = withOutputs.outputs[2].id;
    await ok('POST', `/api/management-reviews/${previousId}/transitions`, {
      to: 'completed',
      heldOn: addDays(today, -100),
    });
    reviewId = (
      await ok(
        'POST',
        '/api/management-reviews',
        {
          title: 'Review 2',
          scheduledFor: today,
          chairId: t.users.manager.personId,
          attendeeIds: [t.users.manager.personId, t.users.auditor.personId],
          location: 'Board room',
        },
        201,
      )
    ).id;
  });
  afterAll(() => t.close());

  it('compiles every 9.3.2 input from the data since the previous review', async () => {
    const inputs: Inputs = await ok('GET', `/api/management-reviews/${reviewId}/inputs`);
    expect(inputs.frozen).toBe(false);
    expect(inputs.period).toEqual({ from: addDays(today, -99), to: today });
    expect(inputs.previousReview?.id).toBe(previousId);
    expect(inputs.sections.map((s) => s.key)).toEqual([
      'previous_actions',
      'context_changes',
      'interested_parties',
      'nonconformities',
      'monitoring',
      'audit_results',
      'objectives',
      'risks_and_impact',
      'improvement_opportunities',
    ]);
    expect(figures(inputs)).toMatchObject({
      'previous_actions.total': 3,
      'previous_actions.tracked': 2,
      'previous_actions.open': 2,
      'previous_actions.done': 0,
      'previous_actions.overdue': 1,
      'context_changes.changed_total': 2,
      'context_changes.added': 1,
      'context_changes.changed': 1,
      'context_changes.external': 1,
      'context_changes.internal': 1,
      'interested_parties.changed_total': 1,
      'nonconformities.opened': 2,
      'nonconformities.closed': 1,
      'nonconformities.open': 2,
      'nonconformities.open_major': 1,
      'nonconformities.open_minor': 1,
      'nonconformities.actions_done': 1,
      'nonconformities.actions_overdue': 1,
      'nonconformities.checks_effective': 1,
      'nonconformities.checks_not_effective': 0,
      'monitoring.tests_passing': 2,
      'monitoring.tests_failing': 1,
      'monitoring.tests_error': 1,
      'monitoring.issues_open': 2,
      'monitoring.issues_overdue': 1,
      'monitoring.plan_items': 3,
      'monitoring.plan_analysed': 1,
      'audit_results.internal_completed': 1,
      'audit_results.findings': 5,
      'audit_results.major_nc': 1,
      'audit_results.minor_nc': 1,
      'audit_results.observation': 1,
      'audit_results.opportunity': 2,
      'audit_results.external_completed': 1,
      'objectives.active': 3,
      'objectives.met': 1,
      'objectives.not_met': 1,
      'objectives.no_data': 1,
      'risks_and_impact.risks_open': 2,
      'risks_and_impact.risks_above_appetite': 1,
      'risks_and_impact.risks_high': 1,
      'risks_and_impact.risks_low': 1,
      'risks_and_impact.impact_missing': 1,
      'risks_and_impact.incidents': 1,
      'risks_and_impact.incidents_high': 1,
      'risks_and_impact.incidents_low': 0,
      'improvement_opportunities.opportunities': 2,
      'improvement_opportunities.observations': 1,
      'improvement_opportunities.concerns_closed': 1,
      'improvement_opportunities.improvement_actions_open': 1,
    });
    const objectives = inputs.sections.find((s) => s.key === 'objectives');
    expect(objectives?.tables[0]?.rows.map((r) => [r[0], r[4]])).toEqual([
      ['Complaint rate', 'not met'],
      ['Model cards complete', 'met'],
      ['Staff trained', 'no data'],
    ]);
  });

  it('compares the headline figures with the previous review’s snapshot', async () => {
    const inputs: Inputs = await ok('GET', `/api/management-reviews/${reviewId}/inputs`);
    const of = (section: string, figure: string) =>
      inputs.comparison.find((c) => c.section === section && c.figure === figure);
    // The previous review covered today-465 … today-100: the nonconformity raised 300 days ago.
    expect(of('nonconformities', 'opened')).toMatchObject({ current: 2, previous: 1, delta: 1 });
    // Two context issues were created in its period; two were added or changed in this one.
    expect(of('context_changes', 'changed_total')).toMatchObject({ current: 2, previous: 2, delta: 0 });
    expect(of('audit_results', 'internal_completed')).toMatchObject({ current: 1, previous: 1, delta: 0 });
    expect(of('improvement_opportunities', 'concerns_closed')).toMatchObject({
      current: 1,
      previous: 1,
      delta: 0,
    });
    expect(inputs.comparison.every((c) => c.previous !== null)).toBe(true);
  });

  it('keeps notes per input and says which inputs are still missing', async () => {
    let review = await ok('PATCH', `/api/management-reviews/${reviewId}`, {
      inputNotes: { monitoring: 'Two tests fail.' },
    });
    expect(review.inputNotes).toEqual({ monitoring: 'Two tests fail.' });
    expect(review.inputsCovered).toBe(false);
    expect(review.missingInputs).toHaveLength(8);
    expect(review.missingInputs).not.toContain('monitoring');
    const all = Object.fromEntries(
      [
        'previous_actions',
        'context_changes',
        'interested_parties',
        'nonconformities',
        'audit_results',
        'objectives',
        'risks_and_impact',
        'improvement_opportunities',
      ].map((k) => [k, `Discussed ${k}.`]),
    );
    review = await ok('PATCH', `/api/management-reviews/${reviewId}`, { inputNotes: all });
    expect(review.inputsCovered).toBe(true);
    expect(review.inputNotes.monitoring).toBe('Two tests fail.');
    // An empty note removes it again.
    review = await ok('PATCH', `/api/management-reviews/${reviewId}`, { inputNotes: { objectives: '  ' } });
    expect(review.missingInputs).toEqual(['objectives']);
    review = await ok('PATCH', `/api/management-reviews/${reviewId}`, {
      inputNotes: { objectives: 'On track.' },
    });
    expect(review.inputsCovered).toBe(true);

    const bad = await call('manager', 'PATCH', `/api/management-reviews/${reviewId}`, {
      inputNotes: { bogus: 'x' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toContain('inputNotes');
  });

  it('tracks actions across reviews, with an inbox entry for their owner', async () => {
    const page = await ok('GET', '/api/management-reviews/actions?overdue=true');
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: overdueActionId, overdue: true, review: { id: previousId } });
    const mine = await ok(
      'GET',
      `/api/management-reviews/actions?ownerId=${t.users.manager.personId}&status=open`,
    );
    expect(mine.items.map((a: { id: string }) => a.id)).toEqual([laterActionId]);
    const inbox = await managementReviewInboxItems(t.context.db.kysely, t.users.contributor.personId, today);
    expect(inbox).toEqual([
      expect.objectContaining({
        kind: 'review_action',
        id: overdueActionId,
        overdue: true,
        link: `/management-reviews/${previousId}`,
      }),
    ]);
    // The manager chairs today's planned review and owns an action due in 20 days (beyond two weeks).
    const chairs = await managementReviewInboxItems(t.context.db.kysely, t.users.manager.personId, today);
    expect(chairs.map((i) => i.id)).toEqual([reviewId]);
  });

  it('keeps a completed review read-only but lets its actions be followed up', async () => {
    const previous = `/api/management-reviews/${previousId}`;
    expect((await call('manager', 'PATCH', previous, { title: 'Renamed' })).statusCode).toBe(409);
    expect(
      (await call('manager', 'PATCH', previous, { inputNotes: { monitoring: 'late' } })).statusCode,
    ).toBe(409);
    expect(
      (await call('manager', 'POST', `${previous}/outputs`, { kind: 'decision', description: 'Late' }))
        .statusCode,
    ).toBe(409);
    const describe = await call('manager', 'PATCH', `${previous}/outputs/${laterActionId}`, {
      description: 'Changed',
    });
    expect(describe.statusCode).toBe(409);
    expect(describe.json().detail).toContain('only an output');
    expect((await call('manager', 'POST', `${previous}/transitions`, { to: 'cancelled' })).statusCode).toBe(
      409,
    );
    expect((await call('admin', 'DELETE', previous)).statusCode).toBe(409);
    // The contributor owns the overdue action and reports it done, though the review is not theirs.
    const done = await call('contributor', 'PATCH', `${previous}/outputs/${overdueActionId}`, {
      status: 'done',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().outputs[1]).toMatchObject({ status: 'done', overdue: false });
    expect(done.json().outputs[1].completedAt).not.toBeNull();
    const inputs: Inputs = await ok('GET', `/api/management-reviews/${reviewId}/inputs`);
    expect(figures(inputs)).toMatchObject({ 'previous_actions.done': 1, 'previous_actions.overdue': 0 });
    expect(await lastCompletedReviewFacts(t.context.db.kysely, today)).toEqual({
      lastManagementReviewAt: addDays(today, -100),
      lastReviewInputsCovered: false,
      overdueReviewActionCount: 0,
    });
  });

  it('enforces who may run a review and rejects bad input without writing', async () => {
    const url = `/api/management-reviews/${reviewId}`;
    expect((await call('contributor', 'PATCH', url, { title: 'Mine now' })).statusCode).toBe(403);
    expect((await call('auditor', 'PATCH', url, { title: 'Mine now' })).statusCode).toBe(403);
    expect((await call('member', 'GET', url)).statusCode).toBe(403);
    expect((await call('manager', 'GET', '/api/management-reviews/not-a-review')).statusCode).toBe(404);
    expect(
      (await call('manager', 'GET', `/api/management-reviews/${crypto.randomUUID()}/inputs`)).statusCode,
    ).toBe(404);
    const unknownPerson = await call('manager', 'PATCH', url, { attendeeIds: [crypto.randomUUID()] });
    expect(unknownPerson.statusCode).toBe(422);
    expect(unknownPerson.json().errors[0].field).toBe('attendeeIds[0]');
    const badDate = await call('manager', 'POST', '/api/management-reviews', {
      title: 'X',
      scheduledFor: '2026-13-01',
    });
    expect(badDate.statusCode).toBe(422);
    const extra = await call('manager', 'POST', `${url}/outputs`, {
      kind: 'decision',
      description: 'x',
      status: 'done',
    });
    expect(extra.statusCode).toBe(422);
    const future = await call('manager', 'POST', `${url}/transitions`, {
      to: 'completed',
      heldOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(409); // planned cannot be completed before it is opened
    expect((await ok('GET', url)).attendees).toHaveLength(2);
    // A contributor schedules and runs the reviews they chair.
    const own = await call('contributor', 'POST', '/api/management-reviews', {
      title: 'Team review',
      scheduledFor: today,
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().chairId).toBe(t.users.contributor.personId);
    expect(
      (
        await call('contributor', 'POST', `/api/management-reviews/${own.json().id}/transitions`, {
          to: 'cancelled',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('completes a review, freezing its inputs, and exports the minutes', async () => {
    const url = `/api/management-reviews/${reviewId}`;
    await ok('POST', `${url}/transitions`, { to: 'in_progress' });
    const future = await call('manager', 'POST', `${url}/transitions`, {
      to: 'completed',
      heldOn: addDays(today, 1),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('heldOn');
    const withAction = await ok(
      'POST',
      `${url}/outputs`,
      {
        kind: 'change',
        description: 'Extend the monitoring plan to explainability',
        ownerId: t.users.admin.personId,
        dueDate: addDays(today, 30),
      },
      201,
    );
    expect(withAction.outputs[0]).toMatchObject({ tracked: true, status: 'open' });
    await ok('PATCH', url, { minutes: '## Summary\nThe board reviewed the AIMS.' });
    const completed = await ok('POST', `${url}/transitions`, { to: 'completed' });
    expect(completed).toMatchObject({ status: 'completed', heldOn: today, inputsCovered: true });
    const frozen: Inputs = await ok('GET', `${url}/inputs`);
    expect(frozen.frozen).toBe(true);
    // A context issue added after completion does not change the record.
    await ok('POST', '/api/scope/issues', { kind: 'external', title: 'After the review' }, 201);
    expect(figures(await ok('GET', `${url}/inputs`))['context_changes.changed_total']).toBe(2);
    expect(await lastCompletedReviewFacts(t.context.db.kysely, today)).toMatchObject({
      lastManagementReviewAt: today,
      lastReviewInputsCovered: true,
    });

    const pdf = await call('auditor', 'GET', `${url}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const expected of [
      'Review 2',
      'Board room',
      'Test manager',
      'Test auditor',
      'Audit results',
      'Two tests fail.',
      'Extend the monitoring plan',
      'The board reviewed the AIMS.',
    ])
      expect(text).toContain(expected);
    const docx = await call('auditor', 'GET', `${url}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await docxXml(docx.rawPayload);
    expect(xml).toContain('Comparison with the previous review');
    expect(xml).toContain('Discussed previous_actions.');
  });

  it('lists, sorts, filters and searches reviews, and writes a trail entry per change', async () => {
    const page = await ok('GET', '/api/management-reviews?status=completed&sort=heldOn');
    expect(page.items.map((r: { title: string }) => r.title)).toEqual(['Review 1', 'Review 2']);
    expect((await ok('GET', '/api/management-reviews?q=board')).total).toBe(1);
    expect((await ok('GET', '/api/management-reviews?limit=1')).items).toHaveLength(1);
    expect((await call('manager', 'GET', '/api/management-reviews?sort=bogus')).statusCode).toBe(422);
    const trail = await t.context.db.kysely
      .selectFrom('trail')
      .select('action')
      .where('entity_type', '=', 'management_review')
      .where('entity_id', '=', reviewId)
      .execute();
    expect(trail.length).toBeGreaterThanOrEqual(8);
  });
});
