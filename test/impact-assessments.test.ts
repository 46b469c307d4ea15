import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImpactTemplates, scoreAnswers } from '../src/content/impact-templates.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';
import { docxXml } from './support/documents.js';

const template = () => loadImpactTemplates()[0] as NonNullable<ReturnType<typeof loadImpactTemplates>[0]>;

/** Every required question answered with its least impactful option (or a sentence for free text). */
function lowAnswers(): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const q of template().sections.flatMap((s) => s.questions))
    if (q.required) answers[q.id] = q.options ? (q.options[0]?.value as string) : 'Answered in the workshop.';
  return answers;
}

describe('impact assessment template', () => {
  it('covers the nine areas and scores answers to a level, with floors that raise it', () => {
    const t = template();
    expect(t.sections.map((s) => s.id)).toEqual([
      'purpose',
      'affected',
      'societal',
      'data_bias',
      'transparency',
      'oversight',
      'safety',
      'privacy',
      'misuse',
    ]);
    expect(scoreAnswers(t, lowAnswers())).toEqual({ score: 0, level: 'low' });
    expect(scoreAnswers(t, { ...lowAnswers(), purpose_decision_domain: 'essential_access' }).level).toBe(
      'high',
    );
    const worst = Object.fromEntries(
      t.sections
        .flatMap((s) => s.questions)
        .filter((q) => q.options)
        .map((q) => [q.id, q.options?.at(-1)?.value as string]),
    );
    expect(scoreAnswers(t, worst).level).toBe('very_high');
  });
});

describe.each(DIALECTS)('impact assessments on %s', (dialect) => {
  let t: TestApp;
  let systemId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    systemId = (
      await t.context.services.aiSystems.create(admin, { name: 'Loan triage', lifecycleStage: 'deployed' })
    ).id;
  });
  afterAll(() => t.close());

  const status = async (id = systemId) =>
    (await t.request('auditor', 'GET', `/api/impact-assessments/systems?aiSystemId=${id}`)).json().items[0];

  it('takes a system from missing to current through draft, review and approval by someone else', async () => {
    expect(await status()).toMatchObject({ status: 'missing', approvedVersion: null });
    const created = await t.request('contributor', 'POST', '/api/impact-assessments', {
      aiSystemId: systemId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      version: 1,
      status: 'draft',
      templateId: 'ai-system-impact',
      impactLevel: 'low',
    });
    expect(a.unanswered.length).toBeGreaterThan(10);

    const early = await t.request('contributor', 'POST', `/api/impact-assessments/${a.id}/transitions`, {
      to: 'in_review',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors.map((e: { field: string }) => e.field)).toContain(
      'answers.purpose_intended_use',
    );

    const answered = await t.request('contributor', 'PATCH', `/api/impact-assessments/${a.id}`, {
      answers: { ...lowAnswers(), purpose_decision_domain: 'essential_access' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ impactLevel: 'high', unanswered: [] });
    expect(
      (await t.request('manager', 'POST', `/api/impact-assessments/${a.id}/transitions`, { to: 'in_review' }))
        .statusCode,
    ).toBe(200);
    const own = await t.request('manager', 'POST', `/api/impact-assessments/${a.id}/transitions`, {
      to: 'approved',
    });
    expect(own.statusCode).toBe(409);
    expect(
      (
        await t.request('contributor', 'POST', `/api/impact-assessments/${a.id}/transitions`, {
          to: 'approved',
        })
      ).statusCode,
    ).toBe(403);
    const approved = await t.request('admin', 'POST', `/api/impact-assessments/${a.id}/transitions`, {
      to: 'approved',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().nextReviewDue > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(await status()).toMatchObject({ status: 'current', approvedVersion: 1, impactLevel: 'high' });
    // The approved record no longer changes.
    const edit = await t.request('admin', 'PATCH', `/api/impact-assessments/${a.id}`, {
      answers: { purpose_intended_use: 'x' },
    });
    expect(edit.statusCode).toBe(409);
    expect((await t.request('admin', 'DELETE', `/api/impact-assessments/${a.id}`)).statusCode).toBe(409);
  });

  it('marks a system due after a material change until the next version is approved, which supersedes the last', async () => {
    const due = await t.context.services.impactAssessments.requireReassessment(admin, systemId, {
      reason: 'Material change CR-2026-001: model retrained on new data',
      dueOn: '2020-01-31',
      sourceType: 'change_request',
      sourceId: 'cr-1',
    });
    expect(due).toMatchObject({
      status: 'overdue',
      dueOn: '2020-01-31',
      reason: expect.stringContaining('Material change'),
    });
    const v2 = (
      await t.request('manager', 'POST', '/api/impact-assessments', { aiSystemId: systemId })
    ).json();
    expect(v2).toMatchObject({ version: 2, impactLevel: 'high', unanswered: [] });
    const second = await t.request('manager', 'POST', '/api/impact-assessments', { aiSystemId: systemId });
    expect(second.statusCode).toBe(409);
    await t.request('manager', 'POST', `/api/impact-assessments/${v2.id}/transitions`, { to: 'in_review' });
    await t.request('admin', 'POST', `/api/impact-assessments/${v2.id}/transitions`, { to: 'approved' });
    expect(await status()).toMatchObject({ status: 'current', approvedVersion: 2 });
    const versions = (
      await t.request('auditor', 'GET', `/api/impact-assessments?aiSystemId=${systemId}&sort=version`)
    ).json();
    expect(versions.items.map((a: { version: number; status: string }) => [a.version, a.status])).toEqual([
      [1, 'superseded'],
      [2, 'approved'],
    ]);
  });

  it('exports an assessment with its answers and approval', async () => {
    const list = (
      await t.request('auditor', 'GET', `/api/impact-assessments?aiSystemId=${systemId}&status=approved`)
    ).json();
    const id = list.items[0].id;
    const docx = await t.request('auditor', 'GET', `/api/impact-assessments/${id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await docxXml(docx.rawPayload);
    expect(xml).toContain('Loan triage');
    expect(xml).toContain('Purpose and context');
    expect(xml).toContain('Answered in the workshop.');
    const pdf = await t.request('auditor', 'GET', `/api/impact-assessments/${id}/export?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('rejects bad input clearly and writes nothing', async () => {
    const other = (await t.context.services.aiSystems.create(admin, { name: 'Other' })).id;
    const cases: Array<[string, string, object, string]> = [
      [
        'POST',
        '/api/impact-assessments',
        { aiSystemId: '00000000-0000-4000-8000-000000000000' },
        'aiSystemId',
      ],
      ['POST', '/api/impact-assessments', { aiSystemId: other, templateId: 'nope' }, 'templateId'],
      ['POST', '/api/impact-assessments', { aiSystemId: other, extra: 1 }, 'extra'],
    ];
    for (const [method, url, body, field] of cases) {
      const response = await t.request('manager', method, url, body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(JSON.stringify(response.json().errors)).toContain(field);
    }
    expect(
      (await t.request('auditor', 'GET', `/api/impact-assessments?aiSystemId=${other}`)).json().total,
    ).toBe(0);
    const draft = (
      await t.request('manager', 'POST', '/api/impact-assessments', { aiSystemId: other })
    ).json();
    const bad = await t.request('manager', 'PATCH', `/api/impact-assessments/${draft.id}`, {
      answers: { purpose_autonomy: 'telepathic', no_such_question: 'x' },
    });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['answers.purpose_autonomy', 'answers.no_such_question']));
    expect((await t.request('auditor', 'GET', `/api/impact-assessments/${draft.id}`)).json().answers).toEqual(
      {},
    );
    expect((await t.request('member', 'GET', '/api/impact-assessments')).statusCode).toBe(403);
  });
});
