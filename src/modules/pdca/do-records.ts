import { countOverdueConcerns } from '../concerns/repository.js';
import { RESOLUTION_TARGET_DAYS } from '../incidents/deadlines.js';
import type { Severity } from '../incidents/schema.js';
import * as counts from '../shared/overdue-counts.js';
import { all, type RecordType, run } from './record-type.js';

/** Do: the AI systems and the controls operating on them. */
export const DO_RECORDS: RecordType[] = [
  {
    type: 'ai_system',
    phase: 'do',
    label: 'AI systems',
    link: '/ai-systems',
    total: all('ai_systems'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('ai_systems')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('lifecycle_stage', '!=', 'retired')
          .where('next_review_due', '<', today),
      ),
  },
  { type: 'dataset', phase: 'do', label: 'Datasets', link: '/datasets', total: all('datasets') },
  {
    type: 'vendor',
    phase: 'do',
    label: 'Vendors',
    link: '/vendors',
    total: all('vendors'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('vendors')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('next_review_due', '<', today),
      ),
  },
  { type: 'control', phase: 'do', label: 'Controls', link: '/controls', total: all('controls') },
  {
    type: 'evidence',
    phase: 'do',
    label: 'Evidence',
    link: '/evidence',
    total: all('evidence'),
    overdue: (db, { today }) => counts.countExpiredEvidence(db, today),
  },
  {
    type: 'training_assignment',
    phase: 'do',
    label: 'Training assignments',
    link: '/training',
    total: all('training_assignments'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('training_assignments')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('completed_at', 'is', null)
          .where('due_on', '<', today),
      ),
  },
  {
    type: 'change_request',
    phase: 'do',
    label: 'Change requests',
    link: '/change-requests',
    total: all('change_requests'),
  },
  {
    type: 'incident',
    phase: 'do',
    label: 'AI incidents',
    link: '/incidents',
    total: all('incidents'),
    overdue: async (db, { now }) => {
      const open = await db
        .selectFrom('incidents')
        .select(['severity', 'detected_at'])
        .where('status', 'not in', ['resolved', 'closed'])
        .execute();
      return open.filter((i) => {
        const days = RESOLUTION_TARGET_DAYS[i.severity as Severity] ?? RESOLUTION_TARGET_DAYS.low;
        return Date.parse(i.detected_at) + days * 86_400_000 < Date.parse(now);
      }).length;
    },
  },
  {
    type: 'concern',
    phase: 'do',
    label: 'Concerns',
    link: '/concerns',
    total: all('concerns'),
    overdue: (db, { today }) => countOverdueConcerns(db, today),
  },
];
