import type { CourseTemplate } from '../../content/course-templates.js';
import { readBool } from '../../db/dialect.js';
import { addDays } from '../../lib/time.js';
import { ownerOf } from '../shared/owned.js';
import type { AssignmentRow, AssignmentWithMaterialRow } from './assignment-repository.js';
import {
  type Assignment,
  type AssignmentStatus,
  DUE_SOON_DAYS,
  type MyAssignment,
} from './assignment-schema.js';
import type { AssignmentCounts, CourseRow } from './course-repository.js';
import type { Course, CourseTemplateItem } from './course-schema.js';

export function assignmentStatus(completedAt: string | null, dueOn: string, today: string): AssignmentStatus {
  if (completedAt) return 'completed';
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, DUE_SOON_DAYS) ? 'due_soon' : 'assigned';
}

export function presentCourse(row: CourseRow, counts: AssignmentCounts | undefined): Course {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    material: row.material,
    materialUrl: row.material_url,
    audienceRoles: JSON.parse(row.audience_roles) as Course['audienceRoles'],
    audienceDepartments: JSON.parse(row.audience_departments) as string[],
    recurrenceMonths: row.recurrence_months,
    durationMinutes: row.duration_minutes,
    passScore: row.pass_score,
    isoRefs: JSON.parse(row.iso_refs) as string[],
    templateId: row.template_id,
    ownerId: row.owner_id,
    owner: ownerOf(row),
    active: readBool(row.active),
    assignments: counts ?? { open: 0, overdue: 0, completed: 0 },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentTemplate(template: CourseTemplate): CourseTemplateItem {
  return {
    id: template.id,
    title: template.title,
    description: template.description,
    material: template.material,
    audienceRoles: template.audience.roles,
    audienceDepartments: template.audience.departments,
    recurrenceMonths: template.recurrenceMonths,
    durationMinutes: template.durationMinutes,
    passScore: template.passScore,
    isoRefs: template.isoRefs,
  };
}

export function presentAssignment(row: AssignmentRow, today: string): Assignment {
  return {
    id: row.id,
    courseId: row.course_id,
    course: {
      id: row.course_id,
      title: row.course_title,
      passScore: row.course_pass_score,
      recurrenceMonths: row.course_recurrence_months,
      durationMinutes: row.course_duration_minutes,
    },
    personId: row.person_id,
    person: { id: row.person_id, name: row.person_name, department: row.person_department },
    assignedAt: row.assigned_at,
    dueOn: row.due_on,
    reason: row.reason,
    sourceType: row.source_type,
    sourceId: row.source_id,
    status: assignmentStatus(row.completed_at, row.due_on, today),
    completedAt: row.completed_at,
    score: row.score,
    evidenceNote: row.evidence_note,
    evidenceId: row.evidence_id,
    completedByLabel: row.completed_by_label,
  };
}

export function presentMyAssignment(row: AssignmentWithMaterialRow, today: string): MyAssignment {
  const assignment = presentAssignment(row, today);
  return {
    ...assignment,
    course: {
      ...assignment.course,
      description: row.course_description,
      material: row.course_material,
      materialUrl: row.course_material_url,
    },
  };
}
