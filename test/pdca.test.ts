import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../src/lib/time.js';
import { createTestApp, type TestApp } from './support/app.js';
import { insertCorrectiveAction } from './support/check-act-rows.js';
import { DIALECTS } from './support/databases.js';

const today = todayIso();

describe.each(DIALECTS)('PDCA summary on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await insertCorrectiveAction(t, addDays(today, -3));
  });
  afterAll(() => t.close());

  const db = () => t.context.db.kysely;

  it('classifies every record type and counts totals and overdue items from the data', async () => {
    const response = await t.request('auditor', 'GET', '/api/pdca');
    expect(response.statusCode, response.body).toBe(200);
    const { phases } = response.json();
    expect(phases.map((p: { phase: string }) => p.phase)).toEqual(['plan', 'do', 'check', 'act']);
    const record = (type: string) =>
      phases
        .flatMap((p: { records: Array<{ type: string }> }) => p.records)
        .find((r: { type: string }) => r.type === type);
    const count = async (table: 'corrective_actions' | 'nonconformities') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const overdueActions = Number(
      (
        await db()
          .selectFrom('corrective_actions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'in', ['planned', 'in_progress'])
          .where('due_date', '<', today)
          .executeTakeFirst()
      )?.n,
    );
    expect(overdueActions).toBeGreaterThan(0);
    expect(record('corrective_action')).toMatchObject({
      total: await count('corrective_actions'),
      overdue: overdueActions,
    });
    expect(record('nonconformity').total).toBe(await count('nonconformities'));
    expect(record('context_issue').overdue).toBeNull();
    for (const phase of phases) {
      const records = phase.records as Array<{ total: number; overdue: number | null }>;
      expect(phase.total).toBe(records.reduce((sum, r) => sum + r.total, 0));
      expect(phase.overdue).toBe(records.reduce((sum, r) => sum + (r.overdue ?? 0), 0));
    }

    await insertCorrectiveAction(t, addDays(today, -10));
    const after = (await t.request('auditor', 'GET', '/api/pdca')).json();
    const act = after.phases.find((p: { phase: string }) => p.phase === 'act');
    const actBefore = phases.find((p: { phase: string }) => p.phase === 'act');
    expect(act.overdue).toBe(actBefore.overdue + 1);
    expect((await t.request('member', 'GET', '/api/pdca')).statusCode).toBe(403);
  });
});
