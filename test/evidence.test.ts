import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { DIALECTS, type DialectName } from './support/databases.js';
import { multipart } from './support/multipart.js';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

const storages: Array<{ dialect: DialectName; storage: string }> = DIALECTS.flatMap<{
  dialect: DialectName;
  storage: string;
}>((dialect) =>
  dialect === 'postgres'
    ? [
        { dialect, storage: 'filesystem' },
        { dialect, storage: 'database' },
      ]
    : [{ dialect, storage: 'filesystem' }],
);

describe.each(storages)('evidence repository on $dialect with $storage blobs', ({ dialect, storage }) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { blobStorage: storage, maxUploadMb: '1' });
  });
  afterAll(() => t.close());

  const upload = (
    id: string,
    name: string,
    content: Buffer | string,
    fields: Record<string, string> = {},
    role: 'manager' | 'auditor' = 'manager',
  ) => {
    const body = multipart(fields, { name, type: 'application/pdf', content });
    return t.request(role, 'POST', `/api/evidence/${id}/versions`, body.payload, {
      'content-type': body.contentType,
    });
  };
  const createFile = async (title: string) => {
    const response = await t.request('manager', 'POST', '/api/evidence', {
      title,
      kind: 'file',
      controlIds: ['AIMS-GOV-01'],
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };

  it('stores uploads by content hash, deduplicates them, and downloads them byte for byte', async () => {
    const content = Buffer.from(`%PDF-1.4 policy ${'x'.repeat(50_000)} ünïcödé`);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const first = await createFile('AI policy (signed)');
    expect(first.state).toBe('empty');
    const uploaded = await upload(first.id, 'AI policy – signed.pdf', content, {
      validUntil: '2031-01-01',
      collectedAt: '2026-11-01T09:00:00Z',
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({
      state: 'current',
      latestVersion: 1,
      validUntil: '2031-01-01',
      collectedAt: '2026-11-01T09:00:00Z',
      latest: {
        sha256,
        sizeBytes: content.length,
        filename: 'AI policy – signed.pdf',
        contentType: 'application/pdf',
      },
    });

    const second = await createFile('Same file again');
    expect((await upload(second.id, 'copy.pdf', content)).json().latest.sha256).toBe(sha256);
    const blobs = await t.context.db.kysely
      .selectFrom('blobs')
      .selectAll()
      .where('sha256', '=', sha256)
      .execute();
    expect(blobs).toHaveLength(1);
    if (storage === 'filesystem') {
      expect(
        filesUnder(path.join(t.context.config.dataDir, 'blobs')).filter((f) => f.endsWith(sha256)),
      ).toHaveLength(1);
    }

    const download = await t.request('auditor', 'GET', `/api/evidence/${first.id}/versions/1/download`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('AI policy – signed.pdf')}`,
    );
    expect(download.headers['x-content-sha256']).toBe(sha256);
  });

  it('keeps every version, and writes each version’s hash to the trail', async () => {
    const item = await createFile('Model card');
    await upload(item.id, 'card-v1.pdf', 'version one');
    await upload(item.id, 'card-v2.pdf', 'version two');
    const versions = (await t.request('auditor', 'GET', `/api/evidence/${item.id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await t.request('auditor', 'GET', `/api/evidence/${item.id}/versions/1/download`)).body).toBe(
      'version one',
    );
    const trail = (
      await t.request('auditor', 'GET', `/api/trail?entityType=evidence&entityId=${item.id}&sort=seq`)
    ).json().items;
    const hashes = trail
      .map((e: { after: { latest: { sha256: string } | null } | null }) => e.after?.latest?.sha256)
      .filter(Boolean);
    expect(hashes).toEqual([
      createHash('sha256').update('version one').digest('hex'),
      createHash('sha256').update('version two').digest('hex'),
    ]);
  });

  it('refuses an upload over the size limit with a clear 413 and keeps nothing of it', async () => {
    const item = await createFile('Too big');
    const response = await upload(item.id, 'big.bin', Buffer.alloc(1024 * 1024 + 10, 1));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'upload_too_large' });
    expect((await t.request('auditor', 'GET', `/api/evidence/${item.id}`)).json().latestVersion).toBe(0);
    expect(filesUnder(path.join(t.context.config.dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('holds links and notes as versions too, and marks expired evidence stale', async () => {
    const link = await t.request('manager', 'POST', '/api/evidence', {
      title: 'Bias dashboard',
      kind: 'link',
      url: 'https://dash.example.org/bias',
      validUntil: '2020-01-01',
      controlIds: ['AIMS-GOV-01'],
    });
    expect(link.json()).toMatchObject({
      state: 'stale',
      latest: { url: 'https://dash.example.org/bias', version: 1 },
    });
    const renewed = await t.request('manager', 'POST', `/api/evidence/${link.json().id}/versions`, {
      url: 'https://dash.example.org/bias?q=2026',
      validUntil: '2099-01-01',
    });
    expect(renewed.json()).toMatchObject({ state: 'current', latestVersion: 2 });
    expect(
      (await t.request('auditor', 'GET', '/api/evidence?staleOn=2030-01-01'))
        .json()
        .items.map((e: { id: string }) => e.id),
    ).not.toContain(link.json().id);
  });

  it('lists the evidence behind the controls that apply to one AI system', async () => {
    const system = (await t.request('manager', 'POST', '/api/ai-systems', { name: 'Claims triage' })).json();
    const other = (await t.request('manager', 'POST', '/api/ai-systems', { name: 'Other' })).json();
    const patched = await t.request('manager', 'PATCH', '/api/controls/AIMS-GOV-01', {
      aiSystemIds: [system.id],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const evidence = await createFile('Claims triage model card');
    const ids = async (systemId: string) =>
      (await t.request('auditor', 'GET', `/api/evidence?aiSystemId=${systemId}&limit=200`))
        .json()
        .items.map((e: { id: string }) => e.id);
    expect(await ids(system.id)).toContain(evidence.id);
    expect(await ids(other.id)).toEqual([]);
  });

  it('rejects bad evidence input clearly', async () => {
    const missingUrl = await t.request('manager', 'POST', '/api/evidence', { title: 'Link', kind: 'link' });
    expect(missingUrl.json().errors[0].field).toBe('url');
    const unknownControl = await t.request('manager', 'POST', '/api/evidence', {
      title: 'X',
      kind: 'note',
      note: 'n',
      controlIds: ['AIMS-NOPE-01'],
    });
    expect(unknownControl.statusCode).toBe(422);
    expect(unknownControl.json().errors[0].field).toBe('controlIds[0]');
    const item = await createFile('Wrong kind');
    expect(
      (await t.request('manager', 'POST', `/api/evidence/${item.id}/versions`, { url: 'https://x.example' }))
        .statusCode,
    ).toBe(422);
    const badDate = await upload(item.id, 'a.pdf', 'x', { validUntil: 'soon' });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().errors[0].field).toBe('validUntil');
    expect((await upload(item.id, 'a.pdf', 'x', {}, 'auditor')).statusCode).toBe(403);
    expect(
      (await t.request('auditor', 'GET', `/api/evidence/${item.id}/versions/9/download`)).statusCode,
    ).toBe(404);
  });
});
