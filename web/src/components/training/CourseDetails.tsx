import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import type { components } from '../../api/schema.js';
import { Markdown } from '../common/Markdown.js';
import { RecordFacts } from '../registers/RecordFacts.js';
import { RecordTrail } from '../registers/RecordTrail.js';
import { COURSE_FACTS } from './course-fields.js';

type Course = components['schemas']['Course'];

/** The course material: the link to where it is delivered, and the Markdown kept in OpenAIMS. */
export function CourseMaterial({ course }: { course: { material: string; materialUrl: string | null } }) {
  return (
    <Stack gap="xs">
      {course.materialUrl && (
        <Anchor href={course.materialUrl} target="_blank" rel="noreferrer">
          Open the course material
        </Anchor>
      )}
      <Markdown source={course.material} empty="No material in OpenAIMS." />
    </Stack>
  );
}

/** A course in its drawer: facts, material and change history, with Edit and Assign for those who may. */
export function CourseDetails({
  course,
  onEdit,
  onAssign,
}: {
  course: Course;
  onEdit?: () => void;
  onAssign?: () => void;
}) {
  return (
    <Stack>
      {(onEdit || onAssign) && (
        <Group>
          {onEdit && <Button onClick={onEdit}>Edit</Button>}
          {onAssign && (
            <Button variant="light" onClick={onAssign}>
              Assign
            </Button>
          )}
        </Group>
      )}
      <RecordFacts fields={COURSE_FACTS} record={course} />
      <Title order={4}>Material</Title>
      <CourseMaterial course={course} />
      <Title order={4}>Change history</Title>
      <RecordTrail entityType="course" entityId={course.id} />
    </Stack>
  );
}
