import { Alert, Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { ConfirmButton } from '../settings/ConfirmButton.js';

/**
 * Subscribing from a calendar app: a personal feed address whose token can only read the calendar. The
 * address is shown once, when issued; issuing again replaces it.
 */
export function CalendarFeed() {
  const client = useQueryClient();
  const [address, setAddress] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['calendar', 'feed-token'],
    queryFn: async () => unwrap(await api.GET('/api/calendar/feed-token')),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar', 'feed-token'] });
  const issue = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/calendar/feed-token')),
    onSuccess: async (issued) => {
      setAddress(`${window.location.origin}${issued.path}`);
      await refresh();
    },
    onError: (error) => showProblem(null, error),
  });
  const revoke = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/calendar/feed-token')),
    onSuccess: async () => {
      setAddress(null);
      await refresh();
      showSaved('Calendar feed address revoked');
    },
    onError: (error) => showProblem(null, error),
  });
  const active = status.data?.active ?? false;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h5">
          Subscribe in your calendar app
        </Title>
        <Text size="sm" c="dimmed">
          A personal iCalendar address with every date above. Its token can read this calendar and nothing
          else.
        </Text>
        {status.error && <Alert color="red">{status.error.message}</Alert>}
        {address && (
          <Group wrap="nowrap" align="flex-start">
            <Code block data-testid="calendar-feed-address" style={{ flex: 1, wordBreak: 'break-all' }}>
              {address}
            </Code>
            <CopyButton value={address}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        {address && (
          <Text size="xs" c="dimmed">
            Copy it now: it is not shown again.
          </Text>
        )}
        {!address && active && (
          <Text size="sm">
            A feed address ({status.data?.prefix}…) is active
            {status.data?.lastUsedAt
              ? `, last read ${status.data.lastUsedAt.slice(0, 10)}`
              : ', not read yet'}
            .
          </Text>
        )}
        <Group gap="xs">
          <Button size="xs" loading={issue.isPending} onClick={() => issue.mutate()}>
            {active ? 'Replace feed address' : 'Create feed address'}
          </Button>
          {active && (
            <ConfirmButton
              title="Revoke the calendar feed address?"
              message="Calendar apps subscribed to it stop receiving updates."
              loading={revoke.isPending}
              onConfirm={() => revoke.mutate()}
            >
              Revoke
            </ConfirmButton>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
