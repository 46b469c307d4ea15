import { Card, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { components } from '../../api/schema.js';

type Template = components['schemas']['ImpactAssessmentTemplate'];

/** The template's sections and questions as a form; read-only once the assessment leaves draft. */
export function Questionnaire(props: {
  template: Template;
  answers: Record<string, string>;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (questionId: string, value: string) => void;
}) {
  const { template, answers, errors, readOnly, onChange } = props;
  return (
    <Stack>
      {template.sections.map((section) => (
        <Card key={section.id} withBorder component="section" aria-label={section.title}>
          <Stack gap="sm">
            <Title order={3}>{section.title}</Title>
            <Text size="sm" c="dimmed">
              {section.guidance}
            </Text>
            {section.questions.map((q) =>
              q.type === 'choice' ? (
                <Radio.Group
                  key={q.id}
                  label={q.text}
                  description={q.help}
                  withAsterisk={q.required}
                  value={answers[q.id] ?? null}
                  error={errors[`answers.${q.id}`]}
                  onChange={(value) => onChange(q.id, value)}
                >
                  <Stack gap={6} mt="xs">
                    {(q.options ?? []).map((o) => (
                      <Radio key={o.value} value={o.value} label={o.label} disabled={readOnly} />
                    ))}
                  </Stack>
                </Radio.Group>
              ) : (
                <Textarea
                  key={q.id}
                  label={q.text}
                  description={q.help}
                  withAsterisk={q.required}
                  autosize
                  minRows={2}
                  readOnly={readOnly}
                  value={answers[q.id] ?? ''}
                  error={errors[`answers.${q.id}`]}
                  onChange={(e) => onChange(q.id, e.currentTarget.value)}
                />
              ),
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
