import type { Db } from '../../db/database.js';
import { ValidationError } from '../../lib/errors.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import type { TrainingService } from '../training/service.js';
import { incidentChange, type Load } from './change.js';
import type { AssignTraining } from './notification-schema.js';
import { addTimeline } from './timeline.js';

/** Training because of an incident (e.g. operators retrained after misuse), kept linked to it. */
export function createIncidentTraining(db: Db, mustLoad: Load, training: () => TrainingService) {
  const change = incidentChange(db, mustLoad);
  return async function assignTraining(actor: Actor, id: string, input: AssignTraining) {
    authorize(actor, 'records:write');
    const incident = await mustLoad(db.kysely, id);
    assertOwnership(actor, incident.ownerId);
    const course = await db.kysely
      .selectFrom('courses')
      .select('title')
      .where('id', '=', input.courseId)
      .executeTakeFirst();
    if (!course) throw ValidationError.field('courseId', `no course with id "${input.courseId}"`);
    const result = await training().assignForTrigger(actor, {
      courseId: input.courseId,
      personIds: input.personIds,
      reason: `Incident ${incident.reference}: ${incident.title}`,
      sourceType: 'incident',
      sourceId: id,
      dueOn: input.dueOn,
    });
    // The assignments are committed and trailed by the training module; the note records why.
    await change(actor, id, async (ctx) => {
      const people = input.personIds.length === 1 ? 'person' : 'people';
      const text = `Training "${course.title}" assigned to ${input.personIds.length} ${people} (${result.created} new).`;
      await addTimeline(ctx, id, { kind: 'note', text });
      await appendTrail(db, ctx.trx, actor, {
        entityType: 'incident',
        entityId: id,
        action: 'update',
        before: incident,
        after: { ...incident, trainingAssigned: { ...input, created: result.created } },
      });
    });
    return result;
  };
}
