import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import type { RequestBody } from '../registers/api-types.js';
import type { FieldConfig } from '../registers/fields.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { COURSE_DEFAULTS, COURSE_FIELDS } from './course-fields.js';

type Course = components['schemas']['Course'];

export function useCourseTemplates() {
  return useQuery({
    queryKey: ['course-templates'],
    queryFn: async () => unwrap(await api.GET('/api/course-templates')).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Creates a course (optionally from the starter library: picking a template fills in its fields, which can
 * still be changed before saving) or edits one; only changed fields are sent on edit.
 */
export function CourseFormModal({
  editing,
  onClose,
}: {
  editing: Course | 'new' | null;
  onClose: () => void;
}) {
  const templates = useCourseTemplates();
  const creating = editing === 'new';
  const templateField: FieldConfig = {
    name: 'templateId',
    label: 'Start from template',
    type: 'select',
    nullable: true,
    wide: true,
    placeholder: 'A blank course',
    options: (templates.data ?? []).map((t) => ({ value: t.id, label: t.title })),
    onChange: (value, form) => {
      const t = templates.data?.find((x) => x.id === value);
      if (!t) return;
      form.setValues({
        title: t.title,
        description: t.description,
        material: t.material,
        audienceRoles: t.audienceRoles,
        audienceDepartments: t.audienceDepartments,
        recurrenceMonths: t.recurrenceMonths ?? '',
        durationMinutes: t.durationMinutes ?? '',
        passScore: t.passScore ?? '',
        isoRefs: t.isoRefs,
      });
    },
  };
  return (
    <RecordFormModal
      title={creating ? 'New course' : `Edit ${editing?.title ?? ''}`}
      opened={editing !== null}
      onClose={onClose}
      fields={creating ? [templateField, ...COURSE_FIELDS] : COURSE_FIELDS}
      record={creating ? null : editing}
      defaults={COURSE_DEFAULTS}
      save={async (body) =>
        creating || !editing
          ? unwrap(await api.POST('/api/courses', { body: body as RequestBody<'/api/courses', 'post'> }))
          : unwrap(
              await api.PATCH('/api/courses/{id}', {
                params: { path: { id: editing.id } },
                body: body as RequestBody<'/api/courses/{id}', 'patch'>,
              }),
            )
      }
      invalidate={[['courses'], ['trail']]}
      savedMessage="Course saved"
      submitLabel={creating ? 'Create course' : 'Save'}
    />
  );
}
