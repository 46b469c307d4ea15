import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { evaluateFramework, groupReadiness } from '../frameworks/evaluate-framework.js';
import { controlFacts } from '../frameworks/repository.js';
import type { Counts } from '../frameworks/status.js';
import { type Actor, authorize } from '../shared/actor.js';

export interface FrameworkReadiness {
  frameworkId: string;
  name: string;
  percent: number;
  counts: Counts;
  assessed: number;
  groups: Array<{ ref: string; title: string; percent: number; counts: Counts; assessed: number }>;
}

export function createReadinessService(db: Db) {
  async function compute(): Promise<FrameworkReadiness[]> {
    const frameworks = await db.kysely.selectFrom('frameworks').selectAll().orderBy('name').execute();
    const result: FrameworkReadiness[] = [];
    const controls = await controlFacts(db.kysely, todayIso());
    for (const framework of frameworks.filter((f) => readBool(f.in_scope))) {
      const evaluation = await evaluateFramework(db, framework.id, { controls });
      result.push({
        frameworkId: framework.id,
        name: framework.name,
        ...evaluation.readiness,
        groups: groupReadiness(evaluation),
      });
    }
    return result;
  }

  /** Stores today's readiness per in-scope framework; a daily snapshot is taken at most once a day. */
  async function snapshot(trigger: 'daily' | 'manual', day = todayIso()): Promise<number> {
    const current = await compute();
    return db.transaction(async (trx) => {
      // Several processes may run the daily job at once; they take turns, and the second finds today's rows.
      await db.dialect.lockForAppend(trx, 420_020);
      let written = 0;
      for (const r of current) {
        if (trigger === 'daily') {
          const existing = await trx
            .selectFrom('readiness_snapshots')
            .select('id')
            .where('framework_id', '=', r.frameworkId)
            .where('day', '=', day)
            .where('trigger', '=', 'daily')
            .executeTakeFirst();
          if (existing) continue;
        }
        await trx
          .insertInto('readiness_snapshots')
          .values({
            id: newId(),
            framework_id: r.frameworkId,
            taken_at: nowIso(),
            day,
            trigger,
            percent: r.percent,
            counts: JSON.stringify(r.counts),
          })
          .execute();
        written += 1;
      }
      return written;
    });
  }

  return {
    async current(actor: Actor): Promise<{ items: FrameworkReadiness[] }> {
      authorize(actor, 'records:read');
      return { items: await compute() };
    },

    async takeSnapshot(actor: Actor): Promise<{ written: number }> {
      authorize(actor, 'aims:configure');
      return { written: await snapshot('manual') };
    },

    snapshotDaily: (day?: string) => snapshot('daily', day),

    async history(actor: Actor, frameworkId: string | undefined, since: string | undefined) {
      authorize(actor, 'records:read');
      if (
        frameworkId &&
        !(await db.kysely
          .selectFrom('frameworks')
          .select('id')
          .where('id', '=', frameworkId)
          .executeTakeFirst())
      ) {
        throw new NotFoundError('framework', frameworkId);
      }
      let query = db.kysely.selectFrom('readiness_snapshots').selectAll().orderBy('taken_at');
      if (frameworkId) query = query.where('framework_id', '=', frameworkId);
      if (since) query = query.where('day', '>=', since);
      const rows = await query.limit(5000).execute();
      return {
        items: rows.map((r) => ({
          frameworkId: r.framework_id,
          takenAt: r.taken_at,
          day: r.day,
          trigger: r.trigger as 'daily' | 'manual',
          percent: Number(r.percent),
          counts: JSON.parse(r.counts) as Counts,
        })),
      };
    },
  };
}

export type ReadinessService = ReturnType<typeof createReadinessService>;
