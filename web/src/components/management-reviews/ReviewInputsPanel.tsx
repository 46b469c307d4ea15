import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { InputCard } from './InputCard.js';
import type { Review } from './review-fields.js';
import { useReviewAction } from './useReviewAction.js';

/** The 9.3.2 inputs as cards: compiled live while the review is open, as frozen once it is completed. */
export function ReviewInputsPanel({ review, canEdit }: { review: Review; canEdit: boolean }) {
  const id = review.id;
  const inputs = useQuery({
    queryKey: ['management-reviews', 'inputs', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/management-reviews/{id}/inputs', { params: { path: { id } } })),
  });
  const saveNote = useReviewAction(
    async ({ key, text }: { key: string; text: string }) =>
      unwrap(
        await api.PATCH('/api/management-reviews/{id}', {
          params: { path: { id } },
          body: { inputNotes: { [key]: text } },
        }),
      ),
    'Note saved',
  );
  if (inputs.isPending) return <Loader aria-label="Compiling inputs" />;
  if (inputs.error) return <Alert color="red">{inputs.error.message}</Alert>;
  const data = inputs.data;
  const editable = canEdit && review.status !== 'completed' && review.status !== 'cancelled';
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {data.frozen ? 'As they stood when the review was completed' : 'Compiled from the data now'}, covering{' '}
        {data.period.from} to {data.period.to}
        {data.previousReview
          ? ` (since ${data.previousReview.title}, held ${data.previousReview.heldOn})`
          : ' (the last 12 months; no earlier review)'}
        .
      </Text>
      {data.sections.map((section) => (
        <InputCard
          key={section.key}
          section={section}
          comparison={data.comparison}
          note={review.inputNotes[section.key] ?? ''}
          canEdit={editable}
          saving={saveNote.isPending && saveNote.variables?.key === section.key}
          onSaveNote={(text) => saveNote.mutate({ key: section.key, text })}
        />
      ))}
    </Stack>
  );
}
