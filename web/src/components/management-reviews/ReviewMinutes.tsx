import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { Markdown } from '../common/Markdown.js';
import type { Review } from './review-fields.js';
import { useReviewAction } from './useReviewAction.js';

/** The minutes in Markdown: shown rendered, edited as text while the review is open. */
export function ReviewMinutes({ review, canEdit }: { review: Review; canEdit: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = useReviewAction(
    async (minutes: string) =>
      unwrap(
        await api.PATCH('/api/management-reviews/{id}', {
          params: { path: { id: review.id } },
          body: { minutes },
        }),
      ),
    'Minutes saved',
    () => setDraft(null),
  );
  const editable = canEdit && (review.status === 'planned' || review.status === 'in_progress');
  if (draft !== null)
    return (
      <Stack>
        <Textarea
          label="Minutes (Markdown)"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          autosize
          minRows={8}
        />
        <Group>
          <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
            Save minutes
          </Button>
          <Button variant="default" onClick={() => setDraft(null)}>
            Cancel
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Stack>
      <Markdown source={review.minutes} empty="No minutes recorded yet." />
      {editable && (
        <Group>
          <Button variant="light" onClick={() => setDraft(review.minutes)}>
            Edit minutes
          </Button>
        </Group>
      )}
    </Stack>
  );
}
