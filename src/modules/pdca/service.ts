import type { Db } from '../../db/database.js';
import { todayIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import { RECORD_TYPES } from './record-types.js';
import { type Pdca, PHASES, type Phase } from './schema.js';

const PHASE_TEXT: Record<Phase, { title: string; purpose: string }> = {
  plan: { title: 'Plan', purpose: 'Context, risks, impact, objectives and policies (clauses 4–6)' },
  do: { title: 'Do', purpose: 'AI systems, controls, evidence, training and operations (clauses 7–8)' },
  check: { title: 'Check', purpose: 'Monitoring, internal audits and management review (clause 9)' },
  act: { title: 'Act', purpose: 'Nonconformities, corrective actions and improvement (clause 10)' },
};

export function createPdcaService(db: Db) {
  return {
    /** Counts and overdue items per phase of the management system's Plan–Do–Check–Act cycle. */
    async summary(actor: Actor, now = new Date()): Promise<Pdca> {
      authorize(actor, 'records:read');
      const clock = { today: todayIso(now), now: now.toISOString() };
      const counted = await Promise.all(
        RECORD_TYPES.map(async (t) => ({
          phase: t.phase,
          record: {
            type: t.type,
            label: t.label,
            link: t.link,
            total: await t.total(db.kysely),
            overdue: t.overdue ? await t.overdue(db.kysely, clock) : null,
          },
        })),
      );
      return {
        computedAt: clock.now,
        phases: PHASES.map((phase) => {
          const records = counted.filter((c) => c.phase === phase).map((c) => c.record);
          return {
            phase,
            ...PHASE_TEXT[phase],
            total: records.reduce((sum, r) => sum + r.total, 0),
            overdue: records.reduce((sum, r) => sum + (r.overdue ?? 0), 0),
            records,
          };
        }),
      };
    },
  };
}

export type PdcaService = ReturnType<typeof createPdcaService>;
