import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';

type Policy = components['schemas']['Policy'];
type Status = Policy['status'];

interface Move {
  to: Status;
  label: string;
  /** Approving, publishing and retiring are for those who configure the AIMS. */
  configure?: boolean;
  colour?: string;
}

const MOVES: Record<Status, Move[]> = {
  draft: [{ to: 'in_review', label: 'Send for review' }],
  in_review: [
    { to: 'approved', label: 'Approve', configure: true },
    { to: 'draft', label: 'Return to draft', colour: 'gray' },
  ],
  approved: [
    { to: 'published', label: 'Publish', configure: true },
    { to: 'draft', label: 'Return to draft', colour: 'gray' },
  ],
  published: [{ to: 'draft', label: 'Start a revision', colour: 'gray' }],
  retired: [],
};

/** The lifecycle buttons this role may press, a review for policies in force, and retiring. */
export function PolicyActions({ policy, onError }: { policy: Policy; onError: (error: Error) => void }) {
  const { canEdit, canConfigure } = usePermissions();
  const client = useQueryClient();
  const [reviewing, setReviewing] = useState(false);
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['policies'] }),
      client.invalidateQueries({ queryKey: ['trail'] }),
    ]);
  const move = useMutation({
    mutationFn: async (to: Status) =>
      unwrap(
        await api.POST('/api/policies/{id}/transitions', {
          params: { path: { id: policy.id } },
          body: { to },
        }),
      ),
    onSuccess: async (saved) => {
      await refresh();
      showSaved(`Policy is now ${saved.status.replace('_', ' ')}`);
    },
    onError,
  });
  const owner = canEdit(policy.ownerId);
  const moves = MOVES[policy.status].filter((m) => (m.configure ? canConfigure : owner));
  const inForce = policy.publishedVersion !== null && policy.status !== 'retired';
  return (
    <Group gap="xs">
      {moves.map((m) => (
        <Button
          key={m.to}
          color={m.colour}
          loading={move.isPending && move.variables === m.to}
          onClick={() => move.mutate(m.to)}
        >
          {m.label}
        </Button>
      ))}
      {inForce && owner && (
        <Button variant="light" onClick={() => setReviewing(true)}>
          Record review
        </Button>
      )}
      {canConfigure && policy.status !== 'retired' && (
        <Button variant="subtle" color="red" onClick={() => move.mutate('retired')}>
          Retire
        </Button>
      )}
      <ReviewModal
        policy={policy}
        opened={reviewing}
        onClose={() => setReviewing(false)}
        onDone={refresh}
        onError={onError}
      />
    </Group>
  );
}

function ReviewModal(props: {
  policy: Policy;
  opened: boolean;
  onClose: () => void;
  onDone: () => Promise<unknown>;
  onError: (error: Error) => void;
}) {
  const [notes, setNotes] = useState('');
  const [day, setDay] = useState(dayjs().format('YYYY-MM-DD'));
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/policies/{id}/reviews', {
          params: { path: { id: props.policy.id } },
          body: { notes, reviewedOn: day },
        }),
      ),
    onSuccess: async () => {
      await props.onDone();
      showSaved('Review recorded');
      props.onClose();
    },
    onError: props.onError,
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={`Review ${props.policy.title}`}>
      <Stack>
        <Textarea
          label="What the review found"
          required
          autosize
          minRows={3}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          data-autofocus
        />
        <TextInput
          label="Reviewed on"
          type="date"
          value={day}
          onChange={(e) => setDay(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate()}>
            Record review
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
