import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyTemplates } from '../src/content/policy-templates.js';
import { createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';
import { docxXml } from './support/documents.js';

describe('policy templates', () => {
  it('ships the eleven templates, each with the organisation placeholder and its ISO references', () => {
    const templates = loadPolicyTemplates();
    expect(templates.map((t) => t.id).sort()).toEqual(
      [
        'ai-acceptable-use',
        'ai-data-governance',
        'ai-impact-assessment',
        'ai-incident-response',
        'ai-policy',
        'ai-risk-management',
        'ai-transparency',
        'human-oversight',
        'model-change-management',
        'responsible-ai-development',
        'third-party-ai',
      ].sort(),
    );
    for (const t of templates) {
      expect(t.body, t.id).toContain('{{organisation}}');
      expect(t.isoRefs.length, t.id).toBeGreaterThan(0);
    }
    expect(templates.find((t) => t.id === 'ai-acceptable-use')?.body.toLowerCase()).toContain('shadow');
  });
});

describe.each(DIALECTS)('policies on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.request('admin', 'PUT', '/api/organisation', { name: 'Acme Analytics' });
  });
  afterAll(() => t.close());

  const create = async (body: object = { templateId: 'ai-acceptable-use' }) => {
    const response = await t.request('manager', 'POST', '/api/policies', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const move = (
    role: 'admin' | 'manager' | 'contributor' | 'member',
    id: string,
    to: string,
    comment?: string,
  ) => t.request(role, 'POST', `/api/policies/${id}/transitions`, { to, ...(comment ? { comment } : {}) });
  /** Draft → review (manager) → approved (admin) → published (admin). */
  const publish = async (id: string) => {
    for (const [role, to] of [
      ['manager', 'in_review'],
      ['admin', 'approved'],
      ['admin', 'published'],
    ] as const) {
      const response = await move(role, id, to);
      expect(response.statusCode, `${to}: ${response.body}`).toBe(200);
    }
  };

  it('creates a draft from a template, filled with the organisation’s name', async () => {
    const policy = await create();
    expect(policy).toMatchObject({
      title: 'AI acceptable use policy',
      category: 'use',
      templateId: 'ai-acceptable-use',
      status: 'draft',
      publishedVersion: null,
      reviewStatus: 'not_published',
      acknowledgements: null,
    });
    expect(policy.body).toContain('Acme Analytics');
    expect(policy.body).not.toContain('{{organisation}}');
    expect(policy.audience.roles).toContain('member');
  });

  it('publishes version 1 through review and approval, and asks the audience to acknowledge it', async () => {
    const policy = await create();
    await publish(policy.id);
    const published = (await t.request('auditor', 'GET', `/api/policies/${policy.id}`)).json();
    expect(published).toMatchObject({ status: 'published', publishedVersion: 1, reviewStatus: 'current' });
    expect(published.acknowledgements).toMatchObject({
      version: 1,
      assigned: 5,
      acknowledged: 0,
      percent: 0,
    });
    expect(published.nextReviewDue > new Date().toISOString().slice(0, 10)).toBe(true);

    const versions = (await t.request('member', 'GET', `/api/policies/${policy.id}/versions`)).json();
    expect(versions.items).toHaveLength(1);
    expect(versions.items[0]).toMatchObject({ version: 1, changelog: 'First published version.' });
    expect(versions.items[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    // The member acknowledges for themselves, once.
    const ack = await t.request('member', 'POST', `/api/policies/${policy.id}/acknowledgements`, {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().myAcknowledgement.acknowledgedAt).toBeTruthy();
    const again = await t.request('member', 'POST', `/api/policies/${policy.id}/acknowledgements`, {});
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    const list = (await t.request('auditor', 'GET', `/api/policies/${policy.id}/acknowledgements`)).json();
    expect(list.items).toHaveLength(5);
    expect(list.items.filter((a: { status: string }) => a.status === 'acknowledged')).toHaveLength(1);
    expect(
      (await t.request('auditor', 'GET', `/api/policies/${policy.id}`)).json().acknowledgements.percent,
    ).toBe(20);
  });

  it('puts the acknowledgement in the member’s inbox until it is done', async () => {
    const policy = await create({
      title: `Inbox ${Date.now()}`,
      body: '# Inbox\n\nRead me.',
      audience: { roles: ['member'], departments: [] },
    });
    const before = (await t.request('member', 'GET', '/api/inbox')).json();
    expect(before.items.map((i: { id: string }) => i.id)).not.toContain(policy.id);
    await publish(policy.id);
    const inbox = await t.request('member', 'GET', '/api/inbox');
    expect(inbox.statusCode).toBe(200);
    const item = inbox.json().items.find((i: { id: string }) => i.id === policy.id);
    expect(item).toMatchObject({
      kind: 'policy_acknowledgement',
      overdue: false,
      link: `/policies/${policy.id}`,
    });
    expect(item.detail).toContain('Version 1');
    await t.request('member', 'POST', `/api/policies/${policy.id}/acknowledgements`, {});
    const after = (await t.request('member', 'GET', '/api/inbox')).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(policy.id);
    // The owner's inbox holds the review once it falls due.
    await t.request('manager', 'PATCH', `/api/policies/${policy.id}`, { ownerId: t.users.manager.personId });
    await t.request('manager', 'POST', `/api/policies/${policy.id}/reviews`, {
      notes: 'ok',
      reviewedOn: '2025-01-10',
    });
    const owner = (await t.request('manager', 'GET', '/api/inbox')).json();
    expect(
      owner.items.find((i: { id: string; kind: string }) => i.id === policy.id && i.kind === 'policy_review'),
    ).toMatchObject({
      overdue: true,
    });
    expect(owner.counts.overdue).toBeGreaterThan(0);
  });

  it('refuses to acknowledge for someone else, and to acknowledge what was never asked', async () => {
    const policy = await create();
    await publish(policy.id);
    const forOther = await t.request('member', 'POST', `/api/policies/${policy.id}/acknowledgements`, {
      personId: t.users.auditor.personId,
    });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.headers['content-type']).toContain('application/problem+json');
    const outsider = await create({
      title: 'Engineers only',
      body: '# Engineers only\n\nText.',
      audience: { roles: ['contributor'], departments: [] },
    });
    await publish(outsider.id);
    const notAsked = await t.request('member', 'POST', `/api/policies/${outsider.id}/acknowledgements`, {});
    expect(notAsked.statusCode).toBe(409);
  });

  it('keeps published versions immutable: text edits need a revision, which becomes version 2', async () => {
    const policy = await create();
    await publish(policy.id);
    const edit = await t.request('manager', 'PATCH', `/api/policies/${policy.id}`, { body: 'Changed' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().errors[0].field).toBe('body');
    // Metadata still changes while published.
    expect(
      (await t.request('manager', 'PATCH', `/api/policies/${policy.id}`, { reviewCadenceMonths: 6 }))
        .statusCode,
    ).toBe(200);

    expect((await move('manager', policy.id, 'draft', 'Yearly revision')).statusCode).toBe(200);
    const v1 = (await t.request('auditor', 'GET', `/api/policies/${policy.id}/versions/1`)).json();
    const revised = `${v1.body}\n\n## Generative AI tools\n\nOnly tools on the approved list may be used.\n`;
    expect(
      (await t.request('manager', 'PATCH', `/api/policies/${policy.id}`, { body: revised })).statusCode,
    ).toBe(200);
    // The published version stays in force while the draft is worked on, and members keep reading it.
    const asMember = (await t.request('member', 'GET', `/api/policies/${policy.id}`)).json();
    expect(asMember.body).toBe(v1.body);

    expect((await move('manager', policy.id, 'in_review')).statusCode).toBe(200);
    expect((await move('admin', policy.id, 'approved')).statusCode).toBe(200);
    const noChangelog = await move('admin', policy.id, 'published');
    expect(noChangelog.statusCode).toBe(422);
    expect(noChangelog.json().errors[0].field).toBe('changelog');
    // …the approved text cannot take a changelog either: back to draft, add it, through review again.
    expect((await move('manager', policy.id, 'draft')).statusCode).toBe(200);
    await t.request('manager', 'PATCH', `/api/policies/${policy.id}`, {
      changelog: 'Adds generative AI tools.',
    });
    await publish(policy.id);
    const after = (await t.request('auditor', 'GET', `/api/policies/${policy.id}`)).json();
    expect(after.publishedVersion).toBe(2);
    expect(after.acknowledgements).toMatchObject({ version: 2, acknowledged: 0 });
    expect((await t.request('auditor', 'GET', `/api/policies/${policy.id}/versions/1`)).json().body).toBe(
      v1.body,
    );

    const diff = (await t.request('auditor', 'GET', `/api/policies/${policy.id}/diff?from=1&to=2`)).json();
    expect(diff.added).toBeGreaterThan(0);
    expect(diff.removed).toBe(0);
    expect(
      diff.lines.filter((l: { kind: string }) => l.kind === 'added').map((l: { text: string }) => l.text),
    ).toContain('## Generative AI tools');
    expect(diff.unified).toContain('+Only tools on the approved list may be used.');
  });

  it('needs a different person to approve than the one who sent the text for review', async () => {
    const policy = await create();
    expect((await move('admin', policy.id, 'in_review')).statusCode).toBe(200);
    const own = await move('admin', policy.id, 'approved');
    expect(own.statusCode).toBe(409);
    expect(own.json().detail ?? own.json().title).toBeTruthy();
    expect((await move('manager', policy.id, 'approved')).statusCode).toBe(200);
  });

  it('allows only the lifecycle’s moves, each by the roles it names', async () => {
    const policy = await create();
    const skip = await move('admin', policy.id, 'published');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().errors[0].field).toBe('to');
    expect((await move('member', policy.id, 'in_review')).statusCode).toBe(403);
    // Contributors move only the policies they own.
    expect((await move('contributor', policy.id, 'in_review')).statusCode).toBe(403);
    expect((await move('manager', policy.id, 'in_review')).statusCode).toBe(200);
    expect((await move('contributor', policy.id, 'approved')).statusCode).toBe(403);
    expect((await move('admin', policy.id, 'retired')).statusCode).toBe(200);
    const revive = await move('admin', policy.id, 'draft');
    expect(revive.statusCode).toBe(409);
    expect(
      (await t.request('manager', 'PATCH', `/api/policies/${policy.id}`, { reviewCadenceMonths: 3 }))
        .statusCode,
    ).toBe(409);
  });

  it('shows members only the policies in force, as published', async () => {
    const draft = await create({ title: 'Secret draft', body: 'Not yet.' });
    const member = await t.request('member', 'GET', '/api/policies?limit=500');
    expect(member.statusCode).toBe(200);
    expect(member.json().items.map((p: { id: string }) => p.id)).not.toContain(draft.id);
    expect(
      member.json().items.every((p: { publishedVersion: number | null }) => p.publishedVersion !== null),
    ).toBe(true);
    expect((await t.request('member', 'GET', `/api/policies/${draft.id}`)).statusCode).toBe(404);
    expect((await t.request('member', 'GET', `/api/policies/${draft.id}/diff?from=1`)).statusCode).toBe(403);
    expect((await t.request('member', 'POST', '/api/policies', { title: 'Mine' })).statusCode).toBe(403);
    expect(
      (await t.request('auditor', 'GET', '/api/policies?limit=500'))
        .json()
        .items.map((p: { id: string }) => p.id),
    ).toContain(draft.id);
  });

  it('records a periodic review, which restarts the cadence, and filters policies by review status', async () => {
    const policy = await create();
    const early = await t.request('manager', 'POST', `/api/policies/${policy.id}/reviews`, {
      notes: 'Fine.',
    });
    expect(early.statusCode).toBe(409);
    await publish(policy.id);
    const reviewed = await t.request('manager', 'POST', `/api/policies/${policy.id}/reviews`, {
      notes: 'Still matches our AI use.',
      reviewedOn: '2025-01-10',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({ nextReviewDue: '2026-01-10', reviewStatus: 'overdue' });
    const overdue = (
      await t.request('auditor', 'GET', '/api/policies?reviewStatus=overdue&limit=500')
    ).json();
    expect(overdue.items.map((p: { id: string }) => p.id)).toContain(policy.id);
    const future = await t.request('manager', 'POST', `/api/policies/${policy.id}/reviews`, {
      notes: 'x',
      reviewedOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('reviewedOn');
  });

  it('exports a published version as PDF and Word documents with its approval and hash', async () => {
    const policy = await create();
    await publish(policy.id);
    const pdf = await t.request('member', 'GET', `/api/policies/${policy.id}/versions/1/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await t.request(
      'auditor',
      'GET',
      `/api/policies/${policy.id}/versions/1/export?format=docx`,
    );
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('ai-acceptable-use-policy-v1.docx');
    const xml = await docxXml(docx.rawPayload);
    expect(xml).toContain('Acme Analytics');
    expect(xml).toContain('SHA-256');
    expect(xml).toContain('Shadow');
  });

  it('rejects bad input clearly and writes nothing', async () => {
    const before = (await t.request('auditor', 'GET', '/api/policies?limit=500')).json().total;
    const cases: Array<[object, string]> = [
      [{ templateId: 'no-such-template' }, 'templateId'],
      [{ title: 'X', category: 'nonsense' }, 'category'],
      [{ title: 'X', ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
      [{ title: 'X', audience: { roles: ['overlord'], departments: [] } }, 'audience.roles[0]'],
      [{ title: 'X', surprise: true }, 'surprise'],
      [{ body: 'no title' }, 'title'],
    ];
    for (const [body, field] of cases) {
      const response = await t.request('manager', 'POST', '/api/policies', body);
      expect(response.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json().errors), JSON.stringify(body)).toContain(field);
    }
    expect((await t.request('auditor', 'GET', '/api/policies?limit=500')).json().total).toBe(before);
    const policy = await create();
    const bad = await t.request('manager', 'POST', `/api/policies/${policy.id}/transitions`, {
      to: 'launched',
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().errors)).toContain('to');
    const emptyBody = await create({ title: 'Empty', body: '' });
    const review = await move('manager', emptyBody.id, 'in_review');
    expect(review.statusCode).toBe(422);
    expect(review.json().errors[0].field).toBe('body');
    expect((await t.request('auditor', 'GET', `/api/policies/${emptyBody.id}`)).json().status).toBe('draft');
  });
});
