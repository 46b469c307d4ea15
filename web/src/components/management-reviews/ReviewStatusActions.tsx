import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { Review } from './review-fields.js';
import { useReviewAction } from './useReviewAction.js';

type Target = 'in_progress' | 'completed' | 'cancelled';

const today = () => new Date().toISOString().slice(0, 10);

/** Open, complete (on the day it was held) or cancel a review; the two final steps ask for confirmation. */
export function ReviewStatusActions({ review }: { review: Review }) {
  const [confirming, setConfirming] = useState<'completed' | 'cancelled' | null>(null);
  const [heldOn, setHeldOn] = useState(today);
  const move = useReviewAction(
    async ({ to, held }: { to: Target; held?: string }) =>
      unwrap(
        await api.POST('/api/management-reviews/{id}/transitions', {
          params: { path: { id: review.id } },
          body: held ? { to, heldOn: held } : { to },
        }),
      ),
    'Review updated',
    () => setConfirming(null),
  );
  if (review.status === 'completed' || review.status === 'cancelled') return null;
  const completing = confirming === 'completed';
  return (
    <Group gap="xs">
      {review.status === 'planned' && (
        <Button onClick={() => move.mutate({ to: 'in_progress' })} loading={move.isPending}>
          Open review
        </Button>
      )}
      {review.status === 'in_progress' && (
        <Button onClick={() => setConfirming('completed')}>Complete review</Button>
      )}
      <Button variant="default" onClick={() => setConfirming('cancelled')}>
        Cancel review
      </Button>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={completing ? 'Complete the review' : 'Cancel the review'}
      >
        <Stack>
          <Text size="sm">
            {completing
              ? 'Completing freezes the inputs as compiled for the day held; afterwards only the status of its actions can change.'
              : 'A cancelled review cannot be reopened; schedule a new one instead.'}
            {completing &&
              review.missingInputs.length > 0 &&
              ` ${review.missingInputs.length} input(s) still have no note.`}
          </Text>
          {completing && (
            <TextInput
              type="date"
              label="Held on"
              value={heldOn}
              max={today()}
              onChange={(e) => setHeldOn(e.currentTarget.value)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Back
            </Button>
            <Button
              color={completing ? undefined : 'red'}
              loading={move.isPending}
              onClick={() =>
                move.mutate(completing ? { to: 'completed', held: heldOn } : { to: 'cancelled' })
              }
            >
              {completing ? 'Complete' : 'Cancel review'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
