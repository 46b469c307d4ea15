import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { dateTime } from './badges.js';

type Issue = components['schemas']['IssueDetail'];

/** The discussion on an issue, oldest first, and a comment box for those who may write. */
export function IssueComments({ issue }: { issue: Issue }) {
  const { canWrite } = usePermissions();
  const client = useQueryClient();
  const form = useForm({ initialValues: { body: '' } });
  const comment = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(
        await api.POST('/api/issues/{id}/comments', { params: { path: { id: issue.id } }, body: values }),
      ),
    onSuccess: async () => {
      form.reset();
      await client.invalidateQueries({ queryKey: ['issue', issue.id] });
      showSaved('Comment added');
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <Stack gap="xs">
      {issue.comments.length === 0 && <Text c="dimmed">No comments yet.</Text>}
      {issue.comments.map((c) => (
        <Paper key={c.id} withBorder p="xs">
          <Text size="xs" c="dimmed">
            {c.author} · {dateTime(c.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </Paper>
      ))}
      {canWrite && (
        <form onSubmit={form.onSubmit((values) => comment.mutate(values))}>
          <Stack gap="xs">
            <Textarea label="Comment" required autosize minRows={2} {...form.getInputProps('body')} />
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={comment.isPending}>
                Add comment
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
