import { createHash } from 'node:crypto';
import { stableId } from '../lib/ids.js';
import { addDays } from '../lib/time.js';
import type { Actor } from '../modules/shared/actor.js';
import type { AssignmentListQuery } from '../modules/training/assignment-schema.js';
import type { Services } from '../services.js';
import type { DemoOrganisation } from './organisation-schema.js';

interface DemoCourse {
  templateId: string;
  ownerKey: string;
  /** Narrows the template's audience to the demo organisation's department names. */
  departments?: string[];
  /** Due date of the assignments, in days from the seed day. */
  dueIn: number;
  /** Share of assignees who have completed it. */
  completed: number;
}

// Together they give the demo a realistic spread: done, overdue, due soon and not yet due.
const COURSES: DemoCourse[] = [
  { templateId: 'ai-awareness-basics', ownerKey: 'chief-people-officer', dueIn: -21, completed: 0.75 },
  { templateId: 'ai-incident-reporting', ownerKey: 'head-compliance', dueIn: 9, completed: 0.4 },
  {
    templateId: 'responsible-ai-development',
    ownerKey: 'head-ml-engineering',
    departments: ['Data Science', 'ML Engineering', 'Platform Engineering', 'Product'],
    dueIn: 45,
    completed: 0.3,
  },
  {
    templateId: 'human-oversight-operators',
    ownerKey: 'head-customer-ops',
    departments: ['Customer Operations', 'Clinical Services'],
    dueIn: -6,
    completed: 0.8,
  },
  { templateId: 'aims-internal-auditor-basics', ownerKey: 'head-internal-audit', dueIn: 60, completed: 0 },
];

/** The demo member keeps overdue awareness training, so "My training" has something to do. */
const DEMO_MEMBER = 'cx-team-lead';
const ID_EPOCH = Date.UTC(2026, 0, 1);

/** A stable number in [0, 1) per key, so the demo is the same on every install. */
function roll(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Training and awareness: five courses from the starter library, assigned to their audiences (accounts by
 * role, everyone else in the named departments), part of them completed with scores.
 */
export async function seedTraining(
  services: Services,
  actor: Actor,
  people: Map<string, string>,
  org: DemoOrganisation,
  today: string,
): Promise<void> {
  const { courses, assignments } = services.training;
  const active = org.people.filter((p) => p.active ?? true);
  for (const spec of COURSES) {
    const course = await courses.create(
      actor,
      {
        templateId: spec.templateId,
        ownerId: people.get(spec.ownerKey) ?? null,
        ...(spec.departments ? { audienceDepartments: spec.departments } : {}),
      },
      { id: stableId(`demo:course:${spec.templateId}`, ID_EPOCH) },
    );
    const dueOn = addDays(today, spec.dueIn);
    await courses.assign(actor, course.id, { audience: true, dueOn });
    // Staff without an account are in the audience too when their department is.
    const inDepartments = active
      .filter((p) => !spec.departments || spec.departments.includes(p.department))
      .map((p) => people.get(p.key))
      .filter((id): id is string => id !== undefined);
    if (course.audienceRoles.includes('member') || spec.departments) {
      await courses.assign(actor, course.id, { personIds: inDepartments, dueOn, reason: 'audience' });
    }
    const query = { limit: 500, offset: 0, courseId: course.id } as AssignmentListQuery;
    const assigned = await assignments.list(actor, query);
    for (const assignment of assigned.items) {
      const key = `${spec.templateId}:${assignment.personId}`;
      if (assignment.personId === people.get(DEMO_MEMBER) || roll(key) >= spec.completed) continue;
      const pass = course.passScore ?? 0;
      await assignments.complete(actor, assignment.id, {
        completedAt: `${addDays(today, -1 - Math.floor(roll(`${key}:when`) * 40))}T10:00:00.000Z`,
        score: Math.min(100, pass + Math.floor(roll(`${key}:score`) * (101 - pass))),
        evidenceNote: 'Completed the course and its self-check.',
      });
    }
  }
}
