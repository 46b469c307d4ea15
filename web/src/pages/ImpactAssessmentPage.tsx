import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { ASSESSMENT_STATUS_COLOURS, LEVEL_COLOURS } from '../components/impact/labels.js';
import { Questionnaire } from '../components/impact/Questionnaire.js';
import { humanise } from '../components/registers/labels.js';
import { formPath, showSaved } from '../hooks/useApiForm.js';
import { usePermissions } from '../hooks/usePermissions.js';

interface Problem extends Error {
  errors?: Array<{ field: string; message: string }>;
}

/** One assessment version: the questionnaire, its live score and level, review and approval, downloads. */
export function ImpactAssessmentPage() {
  const { id = '' } = useParams();
  const { canWrite, canConfigure } = usePermissions();
  const client = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const assessment = useQuery({
    queryKey: ['impact-assessments', 'detail', id],
    queryFn: async () => unwrap(await api.GET('/api/impact-assessments/{id}', { params: { path: { id } } })),
  });
  const templateId = assessment.data?.templateId;
  const template = useQuery({
    queryKey: ['impact-assessment-templates', templateId],
    enabled: templateId !== undefined,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/impact-assessment-templates/{id}', {
          params: { path: { id: templateId ?? '' } },
        }),
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });
  useEffect(() => {
    if (assessment.data) setAnswers(assessment.data.answers);
  }, [assessment.data]);
  const fail = (error: Error) => {
    const problem = error as Problem;
    setErrors(Object.fromEntries((problem.errors ?? []).map((e) => [formPath(e.field), e.message])));
    notifications.show({
      color: 'red',
      title: 'Not saved',
      message: problem.message,
      closeButtonProps: { 'aria-label': 'Close notification' },
    });
  };
  const refresh = () => client.invalidateQueries({ queryKey: ['impact-assessments'] });
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/impact-assessments/{id}', { params: { path: { id } }, body: { answers } }),
      ),
    onSuccess: async () => {
      setErrors({});
      await refresh();
      showSaved('Answers saved');
    },
    onError: fail,
  });
  const move = useMutation({
    mutationFn: async (to: 'draft' | 'in_review' | 'approved') =>
      unwrap(
        await api.POST('/api/impact-assessments/{id}/transitions', {
          params: { path: { id } },
          body: { to },
        }),
      ),
    onSuccess: async (saved) => {
      setErrors({});
      await refresh();
      showSaved(`Assessment ${humanise(saved.status).toLowerCase()}`);
    },
    onError: fail,
  });
  if (assessment.isPending || template.isPending) return <Loader aria-label="Loading assessment" />;
  if (assessment.error) return <Alert color="red">{assessment.error.message}</Alert>;
  if (template.error) return <Alert color="red">{template.error.message}</Alert>;
  const a = assessment.data;
  const draft = a.status === 'draft';
  return (
    <Stack>
      <Anchor component={Link} to="/impact-assessments" size="sm">
        ← All impact assessments
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>
            {a.aiSystemName}: impact assessment v{a.version}
          </Title>
          <Group gap="xs">
            <Badge color={ASSESSMENT_STATUS_COLOURS[a.status]} autoContrast>
              {humanise(a.status)}
            </Badge>
            <Badge color={LEVEL_COLOURS[a.impactLevel]} autoContrast>
              Impact {humanise(a.impactLevel).toLowerCase()} (score {a.score})
            </Badge>
            {a.unanswered.length > 0 && (
              <Text size="sm">{a.unanswered.length} required questions unanswered</Text>
            )}
            {a.approvedAt && (
              <Text size="sm" c="dimmed">
                Approved by {a.approvedBy} on {a.approvedAt.slice(0, 10)}, next review {a.nextReviewDue}
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="xs">
          {draft && canWrite && (
            <>
              <Button variant="light" loading={save.isPending} onClick={() => save.mutate()}>
                Save answers
              </Button>
              <Button loading={move.isPending} onClick={() => move.mutate('in_review')}>
                Send for review
              </Button>
            </>
          )}
          {a.status === 'in_review' && canConfigure && (
            <Button loading={move.isPending} onClick={() => move.mutate('approved')}>
              Approve
            </Button>
          )}
          {a.status === 'in_review' && canWrite && (
            <Button color="gray" onClick={() => move.mutate('draft')}>
              Return to draft
            </Button>
          )}
          {(['pdf', 'docx'] as const).map((format) => (
            <Button
              key={format}
              component="a"
              variant="default"
              href={`/api/impact-assessments/${a.id}/export?format=${format}`}
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Group>
      </Group>
      <Questionnaire
        template={template.data}
        answers={answers}
        errors={errors}
        readOnly={!draft || !canWrite}
        onChange={(q, value) => setAnswers((current) => ({ ...current, [q]: value }))}
      />
    </Stack>
  );
}
