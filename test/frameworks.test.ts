import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

describe.each(DIALECTS)('frameworks, controls and readiness on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const get = async (url: string, role: Parameters<TestApp['request']>[0] = 'auditor') => {
    const response = await t.request(role, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const readiness = async (frameworkId: string) =>
    (
      (await get('/api/readiness')).items as Array<{
        frameworkId: string;
        percent: number;
        counts: Record<string, number>;
      }>
    ).find((r) => r.frameworkId === frameworkId);

  it('lists the five frameworks, none in scope until a manager puts one there (adopting its controls)', async () => {
    const { items } = await get('/api/frameworks');
    expect(items.map((f: { id: string }) => f.id).sort()).toEqual([
      'eu-ai-act-2024',
      'iso-27001-2022',
      'iso-42001-2023',
      'iso-9001-2015',
      'nist-ai-rmf-1.0',
    ]);
    expect(items.every((f: { inScope: boolean }) => !f.inScope)).toBe(true);
    expect((await get('/api/controls?adopted=true')).total).toBe(0);
    expect(
      (await t.request('auditor', 'PATCH', '/api/frameworks/iso-42001-2023', { inScope: true })).statusCode,
    ).toBe(403);
    const updated = await t.request('manager', 'PATCH', '/api/frameworks/iso-42001-2023', { inScope: true });
    expect(updated.json().inScope).toBe(true);
    const adopted = await get('/api/controls?adopted=true&limit=500');
    expect(adopted.total).toBeGreaterThan(50);
    expect(
      adopted.items.every((c: { frameworkIds: string[] }) => c.frameworkIds.includes('iso-42001-2023')),
    ).toBe(true);
    expect((await get('/api/readiness')).items.map((r: { frameworkId: string }) => r.frameworkId)).toEqual([
      'iso-42001-2023',
    ]);
  });

  it('returns the requirement tree flat, in document order, with own refs and mappings under their own key', async () => {
    const tree = await get('/api/frameworks/iso-42001-2023/requirements');
    expect(tree.frameworkId).toBe('iso-42001-2023');
    const refs = tree.items.map((i: { ref: string }) => i.ref);
    expect(refs.indexOf('4')).toBeLessThan(refs.indexOf('4.1'));
    expect(refs.indexOf('A.6.2')).toBeLessThan(refs.indexOf('A.6.2.8'));
    const item = tree.items.find((i: { ref: string }) => i.ref === 'A.6.2.8');
    expect(item).toMatchObject({
      ref: 'A.6.2.8',
      parentRef: 'A.6.2',
      kind: 'control',
      status: 'not_met',
      assessable: true,
    });
    expect(item.mappings.length).toBeGreaterThan(0);
    expect(item.mappings[0]).toEqual(
      expect.objectContaining({
        frameworkId: expect.any(String),
        ref: expect.any(String),
        relationship: expect.any(String),
      }),
    );
    expect(tree.items.find((i: { ref: string }) => i.ref === 'A.6.2').kind).toBe('objective');
    const nist = await get('/api/frameworks/nist-ai-rmf-1.0/requirements/GOVERN%201.1');
    expect(nist).toMatchObject({ ref: 'GOVERN 1.1', kind: 'subcategory' });
  });

  it('answers unknown frameworks, requirements and controls with 404', async () => {
    expect((await t.request('auditor', 'GET', '/api/frameworks/iso-9999')).statusCode).toBe(404);
    expect((await t.request('auditor', 'GET', '/api/frameworks/iso-9999/requirements')).statusCode).toBe(404);
    expect(
      (await t.request('auditor', 'GET', '/api/frameworks/iso-42001-2023/requirements/A.99')).statusCode,
    ).toBe(404);
    expect((await t.request('auditor', 'GET', '/api/controls/AIMS-NOPE-01')).statusCode).toBe(404);
    expect((await t.request('manager', 'PATCH', '/api/frameworks/nope', { inScope: true })).statusCode).toBe(
      404,
    );
  });

  it('moves every framework a control maps to when that control starts operating, and explains why', async () => {
    await t.request('manager', 'PATCH', '/api/frameworks/nist-ai-rmf-1.0', { inScope: true });
    const detail = await get('/api/frameworks/iso-42001-2023/requirements/5.2');
    const control = detail.controls.find((c: { relationship: string }) => c.relationship === 'equal');
    expect(control.operating).toBe(false);
    const controlRecord = await get(`/api/controls/${control.id}`);
    const otherFrameworks = controlRecord.mappings.filter(
      (m: { frameworkId: string }) => m.frameworkId === 'nist-ai-rmf-1.0',
    );
    expect(otherFrameworks.length).toBeGreaterThan(0);
    const before = { iso: await readiness('iso-42001-2023'), nist: await readiness('nist-ai-rmf-1.0') };

    await t.request('manager', 'PATCH', `/api/controls/${control.id}`, {
      status: 'implemented',
      ownerId: t.users.manager.personId,
    });
    expect((await get(`/api/controls/${control.id}`)).operatingReason).toBe('No evidence attached.');
    const evidence = await t.request('manager', 'POST', '/api/evidence', {
      title: 'AI policy v3, signed',
      kind: 'note',
      note: 'Approved by the board on 2026-11-20.',
      controlIds: [control.id],
      validUntil: addDays(todayIso(), 365),
    });
    expect(evidence.statusCode, evidence.body).toBe(201);
    expect((await get(`/api/controls/${control.id}`)).operating).toBe(true);

    const after = { iso: await readiness('iso-42001-2023'), nist: await readiness('nist-ai-rmf-1.0') };
    expect(after.iso?.percent).toBeGreaterThan(before.iso?.percent ?? 0);
    expect(after.nist?.percent).toBeGreaterThan(before.nist?.percent ?? 0);
    const explained = await get('/api/frameworks/iso-42001-2023/requirements/5.2');
    expect(explained.status === 'met' || explained.status === 'partial').toBe(true);
    const row = explained.controls.find((c: { id: string }) => c.id === control.id);
    expect(row).toMatchObject({
      operating: true,
      evidence: [{ title: 'AI policy v3, signed', stale: false }],
    });

    // Expired evidence and a departed owner each stop the control from operating.
    await t.request('manager', 'PATCH', `/api/evidence/${evidence.json().id}`, {
      validUntil: addDays(todayIso(), -1),
    });
    expect((await get(`/api/controls/${control.id}`)).operatingReason).toBe('All its evidence has expired.');
    await t.request('manager', 'PATCH', `/api/evidence/${evidence.json().id}`, { validUntil: null });
    await t.request('admin', 'PATCH', `/api/people/${t.users.manager.personId}`, { active: false });
    expect((await get(`/api/controls/${control.id}`, 'admin')).operatingReason).toBe('No active owner.');
    await t.request('admin', 'PATCH', `/api/people/${t.users.manager.personId}`, { active: true });
    expect((await get(`/api/controls/${control.id}`)).operating).toBe(true);
  });

  it('keeps library definitions read-only and lets the organisation add custom controls with mappings', async () => {
    const library = (await get('/api/controls?limit=1')).items[0];
    const edit = await t.request('manager', 'PATCH', `/api/controls/${library.id}`, { name: 'Renamed' });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().errors[0].field).toBe('name');
    expect((await t.request('manager', 'DELETE', `/api/controls/${library.id}`)).statusCode).toBe(409);

    const bad = await t.request('manager', 'POST', '/api/controls', {
      name: 'Model cards',
      mappings: [{ frameworkId: 'iso-42001-2023', ref: 'A.99.1', relationship: 'equal' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('mappings[0].ref');
    const created = await t.request('manager', 'POST', '/api/controls', {
      name: 'Model cards published for every deployed model',
      domain: 'transparency',
      mappings: [
        {
          frameworkId: 'iso-42001-2023',
          ref: 'A.6.2.7',
          relationship: 'subset',
          rationale: 'Model cards are part of the technical documentation.',
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      source: 'custom',
      adopted: true,
      frameworkIds: ['iso-42001-2023'],
    });
    const detail = await get('/api/frameworks/iso-42001-2023/requirements/A.6.2.7');
    expect(detail.controls.map((c: { id: string }) => c.id)).toContain(created.json().id);
    expect((await t.request('manager', 'DELETE', `/api/controls/${created.json().id}`)).statusCode).toBe(204);
  });

  it('counts partially covering controls as met only after a manager confirms they cover the requirement', async () => {
    const tree = await get('/api/frameworks/iso-42001-2023/requirements');
    const controls = (await get('/api/controls?limit=500&adopted=true')).items as Array<{
      id: string;
      mappings: Array<{ frameworkId: string; ref: string; relationship: string }>;
    }>;
    const onlyPartial = tree.items.find((item: { ref: string; assessable: boolean }) => {
      if (!item.assessable) return false;
      const maps = controls.flatMap((c) =>
        c.mappings.filter((m) => m.frameworkId === 'iso-42001-2023' && m.ref === item.ref),
      );
      return (
        maps.length > 0 && maps.every((m) => m.relationship === 'subset' || m.relationship === 'intersect')
      );
    });
    if (!onlyPartial) return; // the library may map every requirement fully; nothing to confirm then
    const mapped = controls.filter((c) =>
      c.mappings.some((m) => m.frameworkId === 'iso-42001-2023' && m.ref === onlyPartial.ref),
    );
    for (const control of mapped) {
      await t.context.services.controls.update(admin, control.id, {
        status: 'implemented',
        ownerId: t.users.admin.personId,
      });
      await t.context.services.evidence.create(admin, {
        title: 'Record',
        kind: 'note',
        note: 'done',
        controlIds: [control.id],
      });
    }
    const url = `/api/frameworks/iso-42001-2023/requirements/${encodeURIComponent(onlyPartial.ref)}`;
    expect((await get(url)).status).toBe('partial');
    const confirmed = await t.request('manager', 'PUT', `${url}/coverage-confirmation`, {
      note: 'Together these cover it.',
    });
    expect(confirmed.json()).toMatchObject({
      status: 'met',
      coverageConfirmation: { note: 'Together these cover it.' },
    });
    expect((await t.request('manager', 'DELETE', `${url}/coverage-confirmation`)).json().status).toBe(
      'partial',
    );
  });

  it('stores readiness snapshots on demand and daily (once a day), and serves the history', async () => {
    expect((await t.request('manager', 'POST', '/api/readiness/snapshots')).statusCode).toBe(201);
    expect(await t.context.services.readiness.snapshotDaily('2026-01-01')).toBeGreaterThan(0);
    expect(await t.context.services.readiness.snapshotDaily('2026-01-01')).toBe(0);
    const history = await get('/api/readiness/history?frameworkId=iso-42001-2023');
    expect(history.items.map((h: { trigger: string }) => h.trigger).sort()).toEqual(['daily', 'manual']);
    expect((await t.request('auditor', 'GET', '/api/readiness/history?frameworkId=nope')).statusCode).toBe(
      404,
    );
  });

  it('maps frameworks directly and live through shared controls', async () => {
    const mappings = await get('/api/mappings?from=iso-42001-2023&to=iso-27001-2022');
    expect(mappings.direct.length).toBeGreaterThan(40);
    expect(mappings.viaControls.length).toBeGreaterThan(0);
    const reverse = await get('/api/mappings?from=iso-27001-2022&to=iso-42001-2023');
    expect(reverse.direct.length).toBe(mappings.direct.length);
    expect((await t.request('auditor', 'GET', '/api/mappings?from=iso-42001-2023&to=pci')).statusCode).toBe(
      422,
    );
  });

  it('marks EU AI Act obligations not applicable unless the AI systems register has a matching system', async () => {
    await t.request('manager', 'PATCH', '/api/frameworks/eu-ai-act-2024', { inScope: true });
    expect((await get('/api/frameworks/eu-ai-act-2024/requirements/Art.%2053')).status).toBe(
      'not_applicable',
    );
    await t.request('manager', 'POST', '/api/ai-systems', {
      name: 'Foundation model',
      organisationRole: 'provider',
      riskTier: 'gpai',
      lifecycleStage: 'development',
    });
    expect((await get('/api/frameworks/eu-ai-act-2024/requirements/Art.%2053')).status).not.toBe(
      'not_applicable',
    );
  });
});
