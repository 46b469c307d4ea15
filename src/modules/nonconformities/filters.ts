import { z } from 'zod';
import { todayIso } from '../../lib/time.js';
import type { FilterSpec } from '../shared/list.js';

export const UNFINISHED_ACTION = ['planned', 'in_progress'];
const bool = z.enum(['true', 'false']);

/** Nonconformities with (true) or without (false) a corrective action past its due date, as of today. */
export const overdueActionFilter: FilterSpec = {
  schema: bool.describe('true: at least one of its corrective actions is overdue.'),
  apply: (q, value: 'true' | 'false') =>
    q.where((eb) => {
      const late = eb.exists(
        eb
          .selectFrom('corrective_actions as ca')
          .select('ca.id')
          .whereRef('ca.nonconformity_id', '=', 'nonconformities.id')
          .where('ca.status', 'in', UNFINISHED_ACTION)
          .where('ca.due_date', '<', todayIso()),
      );
      return value === 'true' ? late : eb.not(late);
    }),
};

/**
 * Verifying, and the latest effectiveness check is not a recorded "effective": someone has to plan or
 * record a check before the nonconformity can be closed.
 */
export const needsEffectivenessCheckFilter: FilterSpec = {
  schema: bool.describe('true: verifying, without an effective latest effectiveness check.'),
  apply: (q, value: 'true' | 'false') =>
    q.where((eb) => {
      const effectiveLatest = eb.exists(
        eb
          .selectFrom('effectiveness_checks as ec')
          .select('ec.id')
          .whereRef('ec.nonconformity_id', '=', 'nonconformities.id')
          .where('ec.result', '=', 'effective')
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('effectiveness_checks as later')
                  .select('later.id')
                  .whereRef('later.nonconformity_id', '=', 'ec.nonconformity_id')
                  .whereRef('later.created_at', '>', 'ec.created_at'),
              ),
            ),
          ),
      );
      const needs = eb.and([eb('nonconformities.status', '=', 'verifying'), eb.not(effectiveLatest)]);
      return value === 'true' ? needs : eb.not(needs);
    }),
};

/** Corrective actions past their due date and not finished (true), or the rest (false), as of today. */
export const actionOverdueFilter: FilterSpec = {
  schema: bool.describe('true: not done or cancelled, and past its due date.'),
  apply: (q, value: 'true' | 'false') =>
    q.where((eb) => {
      const late = eb.and([
        eb('corrective_actions.status', 'in', UNFINISHED_ACTION),
        eb('corrective_actions.due_date', '<', todayIso()),
      ]);
      return value === 'true' ? late : eb.not(late);
    }),
};
