import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { verifyTrail } from '../src/modules/trail/service.js';
import { createServices } from '../src/services.js';
import { admin, createTestApp, type TestApp } from './support/app.js';
import { DIALECTS } from './support/databases.js';

describe.each(DIALECTS)('trail on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('records create, update and delete with actor, before and after', async () => {
    const created = (await t.request('manager', 'POST', '/api/vendors', { name: 'Trail Co' })).json();
    await t.request('manager', 'PATCH', `/api/vendors/${created.id}`, { criticality: 'critical' });
    await t.request('admin', 'DELETE', `/api/vendors/${created.id}`);
    const entries = (
      await t.request('auditor', 'GET', `/api/trail?entityType=vendor&entityId=${created.id}&sort=seq`)
    ).json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
    const [create, update, remove] = entries;
    expect(create).toMatchObject({
      actor: { type: 'token', id: t.users.manager.userId },
      before: null,
      after: { name: 'Trail Co' },
    });
    expect(update.before.criticality).toBe('medium');
    expect(update.after.criticality).toBe('critical');
    expect(remove).toMatchObject({
      after: null,
      before: { criticality: 'critical' },
      actor: { id: t.users.admin.userId },
    });
    expect(update.prevHash).toBe(create.hash);
    expect(remove.prevHash).toBe(update.hash);
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    // On PostgreSQL a second, independent pool writes at the same time as the app's. On SQLite, writers
    // in other processes are covered by the CLI-and-server test in store.test.ts: better-sqlite3 is
    // synchronous, so a second connection in the *same* process would block the event loop that the
    // lock holder needs to finish, which no real deployment does.
    const other = openDatabase(t.database.target, { poolSize: 4 });
    const otherServices = createServices(other, t.context.config, t.context.monitor, t.context.secret);
    const writers = dialect === 'postgres' ? [t.context.services, otherServices] : [t.context.services];
    try {
      await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          (writers[i % writers.length] ?? t.context.services).aiSystems.create(admin, {
            name: `Concurrent ${i}`,
          }),
        ),
      );
    } finally {
      await other.close();
    }
    const result = await verifyTrail(t.context.db);
    expect(result.ok).toBe(true);
    const seqs = await t.context.db.kysely.selectFrom('trail').select('seq').orderBy('seq').execute();
    expect(seqs.map((r) => r.seq)).toEqual(seqs.map((_, i) => i + 1));
  });

  it('detects a tampered entry, a broken link and a deleted entry', async () => {
    await t.context.services.people.create(admin, { name: 'Honest', email: 'honest@test.example' });
    expect((await t.request('auditor', 'GET', '/api/trail/verify')).json()).toMatchObject({ ok: true });
    const kysely = t.context.db.kysely;
    const victim = await kysely
      .selectFrom('trail')
      .selectAll()
      .where('entity_type', '=', 'person')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();

    await kysely
      .updateTable('trail')
      .set({ after_json: victim.after_json?.replace('Honest', 'Dishonest') ?? null })
      .where('seq', '=', victim.seq)
      .execute();
    const tampered = await verifyTrail(t.context.db);
    expect(tampered).toMatchObject({
      ok: false,
      brokenAt: { seq: victim.seq, reason: 'content does not match its hash' },
    });
    await kysely
      .updateTable('trail')
      .set({ after_json: victim.after_json })
      .where('seq', '=', victim.seq)
      .execute();

    await kysely.updateTable('trail').set({ actor_label: 'someone else' }).where('seq', '=', 1).execute();
    expect(await verifyTrail(t.context.db)).toMatchObject({ ok: false, brokenAt: { seq: 1 } });
    const first = await kysely.selectFrom('trail').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    await kysely.updateTable('trail').set({ actor_label: 'test setup' }).where('seq', '=', 1).execute();
    expect((await verifyTrail(t.context.db)).ok).toBe(true);

    await kysely.deleteFrom('trail').where('seq', '=', 2).execute();
    expect(await verifyTrail(t.context.db)).toMatchObject({
      ok: false,
      brokenAt: { seq: 3, reason: expect.stringContaining('gap') },
    });
    await kysely.insertInto('trail').values(first).execute();
    expect((await verifyTrail(t.context.db)).ok).toBe(true);
  });
});
