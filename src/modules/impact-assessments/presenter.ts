import { type ImpactLevel, loadImpactTemplates, unanswered } from '../../content/impact-templates.js';
import type { AssessmentRow } from './repository.js';
import type { Assessment, AssessmentStatus } from './schema.js';

export function presentAssessment(row: AssessmentRow): Assessment {
  const answers = JSON.parse(row.answers) as Record<string, string>;
  const template = loadImpactTemplates().find((t) => t.id === row.template_id);
  return {
    id: row.id,
    aiSystemId: row.ai_system_id,
    aiSystemName: row.system_name,
    version: Number(row.version),
    templateId: row.template_id,
    templateVersion: Number(row.template_version),
    status: row.status as AssessmentStatus,
    answers,
    score: Number(row.score),
    impactLevel: row.impact_level as ImpactLevel,
    unanswered: template ? unanswered(template, answers) : [],
    assessorId: row.assessor_id,
    assessor: row.assessor_id ? { id: row.assessor_id, name: row.assessor_name ?? '' } : null,
    submittedBy: row.submitted_by,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    reviewCadenceMonths: Number(row.review_cadence_months),
    nextReviewDue: row.next_review_due,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
