import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/ids.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import { personAssignments } from './assignment-repository.js';
import type { Competence } from './competence-schema.js';
import { assignmentStatus } from './presenter.js';

export function createCompetenceService(db: Db) {
  return {
    async record(actor: Actor, personId: string): Promise<Competence> {
      authorize(actor, 'records:read');
      const person = isUuid(personId)
        ? await db.kysely.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst()
        : undefined;
      if (!person) throw new NotFoundError('person', personId);
      const today = todayIso();
      const assignments = (await personAssignments(db.kysely, personId)).map((row) => ({
        assignmentId: row.id,
        courseId: row.course_id,
        courseTitle: row.course_title,
        isoRefs: JSON.parse(row.iso_refs) as string[],
        reason: row.reason,
        assignedAt: row.assigned_at,
        dueOn: row.due_on,
        status: assignmentStatus(row.completed_at, row.due_on, today),
        completedAt: row.completed_at,
        score: row.score,
        passScore: row.pass_score,
        evidenceNote: row.evidence_note,
        evidenceId: row.evidence_id,
        completedByLabel: row.completed_by_label,
      }));
      const count = (status: string) => assignments.filter((a) => a.status === status).length;
      const completed = count('completed');
      return {
        person: {
          id: person.id,
          name: person.name,
          email: person.email,
          jobTitle: person.job_title,
          department: person.department,
          active: readBool(person.active),
        },
        generatedAt: nowIso(),
        summary: {
          total: assignments.length,
          completed,
          open: assignments.length - completed,
          overdue: count('overdue'),
        },
        assignments,
      };
    },
  };
}

export type CompetenceService = ReturnType<typeof createCompetenceService>;
