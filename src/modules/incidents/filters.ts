import { z } from 'zod';
import { nowIso } from '../../lib/time.js';
import type { FilterSpec } from '../shared/list.js';

/** Incidents that affected the given AI system. */
export const aiSystemFilter: FilterSpec = {
  schema: z.string().max(100),
  apply: (q, value: string) =>
    q.where('incidents.id', 'in', (eb) =>
      eb.selectFrom('incident_ai_systems').select('incident_id').where('ai_system_id', '=', value),
    ),
};

/** The same derivation as the presenter's notificationStatus, as of now. */
export const notificationStatusFilter: FilterSpec = {
  schema: z.enum(['none', 'pending', 'overdue', 'done']),
  apply: (q, status: 'none' | 'pending' | 'overdue' | 'done') => {
    const now = nowIso();
    return q.where((eb) => {
      const ofIncident = () =>
        eb
          .selectFrom('incident_notifications as n')
          .select('n.id')
          .whereRef('n.incident_id', '=', 'incidents.id');
      const unsent = () => ofIncident().where('n.notified_at', 'is', null);
      const late = () => unsent().where('n.due_at', '<', now);
      if (status === 'none') return eb.not(eb.exists(ofIncident()));
      if (status === 'overdue') return eb.exists(late());
      if (status === 'pending') return eb.and([eb.exists(unsent()), eb.not(eb.exists(late()))]);
      return eb.and([eb.exists(ofIncident()), eb.not(eb.exists(unsent()))]);
    });
  },
};
