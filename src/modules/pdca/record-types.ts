import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { systemStatuses } from '../impact-assessments/due.js';
import { RESOLUTION_TARGET_DAYS } from '../incidents/deadlines.js';
import type { Severity } from '../incidents/schema.js';
import type { Phase } from './schema.js';

export interface Clock {
  today: string;
  now: string;
}

/** Every record type, classified Plan, Do, Check or Act, with how to count it and what "overdue" means for it. */
export interface RecordType {
  type: string;
  phase: Phase;
  label: string;
  link: string;
  total(db: Executor): Promise<number>;
  overdue?(db: Executor, clock: Clock): Promise<number>;
}

type CountQuery = { executeTakeFirst(): Promise<{ n: string | number | bigint } | undefined> };
const run = async (query: CountQuery) => Number((await query.executeTakeFirst())?.n ?? 0);
const all = (table: keyof DB) => (db: Executor) =>
  run(db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')));

export const RECORD_TYPES: RecordType[] = [
  // Plan: what the AIMS intends, and what could get in the way.
  {
    type: 'context_issue',
    phase: 'plan',
    label: 'Context issues',
    link: '/scope',
    total: all('context_issues'),
  },
  {
    type: 'interested_party',
    phase: 'plan',
    label: 'Interested parties',
    link: '/scope',
    total: all('interested_parties'),
  },
  {
    type: 'risk',
    phase: 'plan',
    label: 'Risks',
    link: '/risks',
    total: all('risks'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('risks')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'not in', ['closed', 'accepted'])
          .where('due_date', '<', today),
      ),
  },
  {
    type: 'impact_assessment',
    phase: 'plan',
    label: 'Impact assessments',
    link: '/impact-assessments',
    total: all('impact_assessments'),
    overdue: async (db, { today }) =>
      (await systemStatuses(db, today)).filter((s) => s.status === 'overdue').length,
  },
  {
    type: 'objective',
    phase: 'plan',
    label: 'AI objectives',
    link: '/objectives',
    total: all('objectives'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('objectives')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'active')
          .where('due_date', '<', today),
      ),
  },
  {
    type: 'policy',
    phase: 'plan',
    label: 'Policies',
    link: '/policies',
    total: all('policies'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('policies')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('published_version', 'is not', null)
          .where('status', '!=', 'retired')
          .where('next_review_due', '<', today),
      ),
  },
  {
    type: 'aims_role',
    phase: 'plan',
    label: 'AIMS roles',
    link: '/accountability',
    total: all('aims_roles'),
  },
  {
    type: 'audit_programme',
    phase: 'plan',
    label: 'Audit programmes',
    link: '/audits?tab=programme',
    total: all('audit_programmes'),
  },
  {
    type: 'monitoring_plan_item',
    phase: 'plan',
    label: 'Monitoring plan items',
    link: '/monitoring-plan',
    total: all('monitoring_plan_items'),
  },
  // Do: the AI systems and the controls operating on them.
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
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('evidence')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('valid_until', '<', today),
      ),
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
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('concerns')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '<>', 'closed')
          .where('due_on', '<', today),
      ),
  },
  // Check: is it working?
  { type: 'test', phase: 'check', label: 'Monitoring tests', link: '/tests', total: all('tests') },
  {
    type: 'issue',
    phase: 'check',
    label: 'Monitoring issues',
    link: '/issues',
    total: all('issues'),
    overdue: (db, { now }) =>
      run(
        db
          .selectFrom('issues')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'open')
          .where('due_at', '<', now),
      ),
  },
  {
    type: 'internal_audit',
    phase: 'check',
    label: 'Internal audits',
    link: '/audits',
    total: all('audits'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('audits')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'in', ['planned', 'in_progress'])
          .where('planned_end', '<', today),
      ),
  },
  {
    type: 'management_review',
    phase: 'check',
    label: 'Management reviews',
    link: '/management-reviews',
    total: all('management_reviews'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('management_reviews')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'in', ['planned', 'in_progress'])
          .where('scheduled_for', '<', today),
      ),
  },
  {
    type: 'external_audit',
    phase: 'check',
    label: 'External audits',
    link: '/certification',
    total: all('external_audits'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('external_audits')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'planned')
          .where('planned_end', '<', today),
      ),
  },
  // Act: correct what was found and improve.
  {
    type: 'nonconformity',
    phase: 'act',
    label: 'Nonconformities',
    link: '/nonconformities',
    total: all('nonconformities'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('nonconformities')
          .select((eb) => eb.fn.count('nonconformities.id').distinct().as('n'))
          .innerJoin('corrective_actions', 'corrective_actions.nonconformity_id', 'nonconformities.id')
          .where('nonconformities.status', 'not in', ['closed', 'cancelled'])
          .where('corrective_actions.status', 'in', ['planned', 'in_progress'])
          .where('corrective_actions.due_date', '<', today),
      ),
  },
  {
    type: 'corrective_action',
    phase: 'act',
    label: 'Corrective actions',
    link: '/corrective-action-plan',
    total: all('corrective_actions'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('corrective_actions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', 'in', ['planned', 'in_progress'])
          .where('due_date', '<', today),
      ),
  },
  {
    type: 'effectiveness_check',
    phase: 'act',
    label: 'Effectiveness checks',
    link: '/nonconformities',
    total: all('effectiveness_checks'),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('effectiveness_checks')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('result', 'is', null)
          .where('planned_for', '<', today),
      ),
  },
  {
    type: 'review_action',
    phase: 'act',
    label: 'Management review actions',
    link: '/management-reviews?tab=actions',
    total: (db) =>
      run(
        db
          .selectFrom('management_review_outputs')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('due_date', 'is not', null),
      ),
    overdue: (db, { today }) =>
      run(
        db
          .selectFrom('management_review_outputs')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'open')
          .where('due_date', '<', today),
      ),
  },
];
