import {
  answerErrors,
  loadImpactTemplates,
  scoreAnswers,
  unanswered,
} from '../../content/impact-templates.js';
import type { Db, Executor } from '../../db/database.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { addMonths, nowIso, todayIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import { requireReassessment, systemStatuses } from './due.js';
import { exportAssessment } from './export.js';
import { presentAssessment } from './presenter.js';
import {
  assessmentsOf,
  deleteAssessment,
  findAssessment,
  insertAssessment,
  listAssessments,
  updateAssessment,
} from './repository.js';
import type { Assessment, AssessmentCreate, AssessmentListQuery, AssessmentUpdate } from './schema.js';

const DEFAULT_TEMPLATE = 'ai-system-impact';

async function load(db: Executor, id: string) {
  const row = await findAssessment(db, id);
  return row && presentAssessment(row);
}

function templateOf(id: string) {
  const template = loadImpactTemplates().find((t) => t.id === id);
  if (!template) throw ValidationError.field('templateId', `no impact assessment template "${id}"`);
  return template;
}

/** AI system impact assessments: versions per system, a scored questionnaire, review and approval. */
export function createImpactAssessmentsService(db: Db) {
  const register = createRegisterService<AssessmentCreate, AssessmentUpdate, Assessment>(db, {
    entityType: 'impact_assessment',
    label: 'impact assessment',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    load,
    async validate(executor, input) {
      await assertReferences(executor, [
        { field: 'aiSystemId', table: 'ai_systems', ids: input.aiSystemId },
        { field: 'assessorId', table: 'people', ids: input.assessorId },
      ]);
    },
    // A new version starts from the latest answers, so a re-assessment revisits rather than retypes them.
    async insert(trx, id, input, now) {
      const template = templateOf(input.templateId ?? DEFAULT_TEMPLATE);
      const previous = await assessmentsOf(trx, input.aiSystemId);
      if (previous.some((a) => a.status === 'draft' || a.status === 'in_review'))
        throw new ConflictError(
          'This AI system already has an assessment in progress: finish that one.',
          'aiSystemId',
        );
      const answers = previous[0] ? (JSON.parse(previous[0].answers) as Record<string, string>) : {};
      const kept = Object.fromEntries(
        Object.entries(answers).filter(
          ([q]) => answerErrors(template, { [q]: answers[q] as string }).length === 0,
        ),
      );
      const { score, level } = scoreAnswers(template, kept);
      await insertAssessment(trx, {
        id,
        ai_system_id: input.aiSystemId,
        version: Number(previous[0]?.version ?? 0) + 1,
        template_id: template.id,
        template_version: template.version,
        status: 'draft',
        answers: JSON.stringify(kept),
        score,
        impact_level: level,
        assessor_id: input.assessorId ?? null,
        submitted_by: null,
        approved_by: null,
        approved_at: null,
        review_cadence_months: input.reviewCadenceMonths ?? 12,
        next_review_due: null,
        created_at: now,
        updated_at: now,
      });
    },
    async patch(trx, id, input, now, existing) {
      if (existing.status !== 'draft')
        throw new ConflictError(
          `The assessment is ${existing.status.replace('_', ' ')}: only a draft changes.`,
        );
      const template = templateOf(existing.templateId);
      const answers = { ...existing.answers };
      for (const [q, value] of Object.entries(input.answers ?? {})) {
        if (value.trim()) answers[q] = value;
        else delete answers[q];
      }
      const errors = answerErrors(
        template,
        input.answers ? Object.fromEntries(Object.entries(input.answers).filter(([, v]) => v.trim())) : {},
      );
      if (errors.length > 0) throw new ValidationError(errors);
      const { score, level } = scoreAnswers(template, answers);
      await updateAssessment(trx, id, {
        answers: JSON.stringify(answers),
        score,
        impact_level: level,
        assessor_id: input.assessorId,
        review_cadence_months: input.reviewCadenceMonths,
        updated_at: now,
      });
    },
    async remove(trx, id, existing) {
      if (existing.status !== 'draft')
        throw new ConflictError('Only a draft assessment can be deleted; approved ones are the record.');
      await deleteAssessment(trx, id);
    },
  });

  return {
    ...register,
    async list(actor: Actor, query: AssessmentListQuery): Promise<ListPage<Assessment>> {
      authorize(actor, 'records:read');
      const { rows, total } = await listAssessments(db.kysely, db.dialect, query);
      return { items: rows.map(presentAssessment), total, limit: query.limit, offset: query.offset };
    },

    async transition(
      actor: Actor,
      id: string,
      input: { to: 'draft' | 'in_review' | 'approved'; comment?: string },
    ) {
      authorize(actor, input.to === 'approved' ? 'aims:configure' : 'records:write');
      return db.transaction(async (trx) => {
        const before = await load(trx, id);
        if (!before) throw new NotFoundError('impact assessment', id);
        const allowed: string[] = {
          draft: ['in_review'],
          in_review: ['draft', 'approved'],
          approved: [],
          superseded: [],
        }[before.status];
        if (!allowed.includes(input.to))
          throw new ConflictError(
            `A ${before.status.replace('_', ' ')} assessment cannot move to ${input.to}.`,
            'to',
          );
        const now = nowIso();
        if (input.to === 'in_review') {
          const missing = unanswered(templateOf(before.templateId), before.answers);
          if (missing.length > 0)
            throw new ValidationError(
              missing.map((q) => ({ field: `answers.${q}`, message: 'needs an answer before review' })),
            );
          await updateAssessment(trx, id, {
            status: 'in_review',
            submitted_by: actor.label,
            updated_at: now,
          });
        } else if (input.to === 'draft') {
          await updateAssessment(trx, id, { status: 'draft', submitted_by: null, updated_at: now });
        } else {
          if (before.submittedBy === actor.label)
            throw new ConflictError(
              'You sent this assessment for review, so someone else must approve it.',
              'to',
            );
          await trx
            .updateTable('impact_assessments')
            .set({ status: 'superseded', updated_at: now })
            .where('ai_system_id', '=', before.aiSystemId)
            .where('status', '=', 'approved')
            .execute();
          await updateAssessment(trx, id, {
            status: 'approved',
            approved_by: actor.label,
            approved_at: now,
            next_review_due: addMonths(todayIso(), before.reviewCadenceMonths),
            updated_at: now,
          });
          await trx
            .deleteFrom('impact_assessment_triggers')
            .where('ai_system_id', '=', before.aiSystemId)
            .execute();
        }
        const after = (await load(trx, id)) as Assessment;
        await appendTrail(db, trx, actor, {
          entityType: 'impact_assessment',
          entityId: id,
          action: 'update',
          before,
          after: {
            ...after,
            transition: { from: before.status, to: input.to, comment: input.comment ?? null },
          },
        });
        return after;
      });
    },

    async systems(actor: Actor, query: { status?: string; aiSystemId?: string }) {
      authorize(actor, 'records:read');
      const all = await systemStatuses(db.kysely, todayIso(), query.aiSystemId);
      return { items: query.status ? all.filter((s) => s.status === query.status) : all };
    },

    /** For change requests and incidents: a system needs re-assessing by a day. */
    async requireReassessment(
      actor: Actor,
      aiSystemId: string,
      request: { reason: string; dueOn: string; sourceType?: string; sourceId?: string },
    ) {
      authorize(actor, 'records:write');
      await db.transaction(async (trx) => {
        await assertReferences(trx, [{ field: 'aiSystemId', table: 'ai_systems', ids: aiSystemId }]);
        await requireReassessment(trx, aiSystemId, request);
        await appendTrail(db, trx, actor, {
          entityType: 'ai_system',
          entityId: aiSystemId,
          action: 'update',
          after: { impactAssessmentDue: request },
        });
      });
      return (await systemStatuses(db.kysely, todayIso(), aiSystemId))[0];
    },

    templates(actor: Actor) {
      authorize(actor, 'records:read');
      return { items: loadImpactTemplates() };
    },

    template(actor: Actor, id: string) {
      authorize(actor, 'records:read');
      const template = loadImpactTemplates().find((t) => t.id === id);
      if (!template) throw new NotFoundError('impact assessment template', id);
      return template;
    },

    async export(actor: Actor, id: string, format: 'pdf' | 'docx') {
      const assessment = await register.get(actor, id);
      return exportAssessment(db.kysely, assessment, templateOf(assessment.templateId), format);
    },
  };
}

export type ImpactAssessmentsService = ReturnType<typeof createImpactAssessmentsService>;
