import { Badge, Button, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { formatDateTime, humanise } from '../registers/labels.js';
import { CHANGE_STATUS_COLOURS } from './labels.js';

type Change = components['schemas']['ChangeRequest'];
const DECISION_COLOURS = { pending: 'gray.7', approve: 'teal.9', reject: 'red.9' } as const;
const fail = (error: Error) =>
  notifications.show({
    color: 'red',
    title: 'Not done',
    message: error.message,
    closeButtonProps: { 'aria-label': 'Close notification' },
  });

/** One change request: what changes, who must sign and how they decided, and implementing it. */
export function ChangeDetail({ change }: { change: Change }) {
  const { canWrite } = usePermissions();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [implementedOn, setImplementedOn] = useState(dayjs().format('YYYY-MM-DD'));
  const done = async (message: string) => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['change-requests'] }),
      client.invalidateQueries({ queryKey: ['impact-assessments'] }),
    ]);
    showSaved(message);
  };
  const submit = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/change-requests/{id}/submit', { params: { path: { id: change.id } } })),
    onSuccess: () => done('Submitted for sign-off'),
    onError: fail,
  });
  const sign = useMutation({
    mutationFn: async (input: { requirement: string; decision: 'approve' | 'reject' }) =>
      unwrap(
        await api.POST('/api/change-requests/{id}/signoffs', {
          params: { path: { id: change.id } },
          body: { ...input, ...(comment ? { comment } : {}) },
        }),
      ),
    onSuccess: (saved) => done(`Change is ${saved.status}`),
    onError: fail,
  });
  const implement = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/change-requests/{id}/implement', {
          params: { path: { id: change.id } },
          body: { implementedOn },
        }),
      ),
    onSuccess: () => done('Recorded as implemented'),
    onError: fail,
  });
  const flagged = useQuery({
    queryKey: ['change-requests', change.id, 'flagged-risks'],
    enabled: change.status === 'implemented',
    queryFn: async () =>
      unwrap(
        await api.GET('/api/change-requests/{id}/flagged-risks', { params: { path: { id: change.id } } }),
      ),
  });
  return (
    <Stack>
      <Group gap="xs">
        <Badge color={CHANGE_STATUS_COLOURS[change.status]} autoContrast>
          {humanise(change.status)}
        </Badge>
        <Badge variant="outline" color="gray.7">
          {humanise(change.type)}
        </Badge>
        {change.material && <Badge color="orange.9">Material</Badge>}
      </Group>
      <Text>
        <Link to={`/ai-systems/${change.aiSystemId}`}>{change.aiSystemName}</Link> · requested by{' '}
        {change.requestedBy}
      </Text>
      {change.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{change.description}</Text>}
      {change.status === 'draft' && canWrite && (
        <Button onClick={() => submit.mutate()} loading={submit.isPending}>
          Submit for sign-off
        </Button>
      )}
      {change.signoffs.length > 0 && (
        <>
          <Title order={4}>Sign-offs</Title>
          <Table aria-label="Sign-offs">
            <Table.Tbody>
              {change.signoffs.map((s) => (
                <Table.Tr key={s.requirement}>
                  <Table.Td>{s.label}</Table.Td>
                  <Table.Td>
                    <Badge color={DECISION_COLOURS[s.decision]} miw="max-content">
                      {s.decision === 'pending'
                        ? 'Pending'
                        : s.decision === 'approve'
                          ? 'Approved'
                          : 'Rejected'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {s.signedBy
                      ? `${s.signedBy}, ${formatDateTime(s.signedAt)}${s.comment ? `: ${s.comment}` : ''}`
                      : ''}
                  </Table.Td>
                  <Table.Td>
                    {s.decision === 'pending' && change.status === 'submitted' && canWrite && (
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          onClick={() => sign.mutate({ requirement: s.requirement, decision: 'approve' })}
                        >
                          Approve as {s.label}
                        </Button>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => sign.mutate({ requirement: s.requirement, decision: 'reject' })}
                        >
                          Reject
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {change.status === 'submitted' && canWrite && (
            <Textarea
              label="Comment (required to reject)"
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
            />
          )}
        </>
      )}
      {change.status === 'approved' && canWrite && (
        <Group align="flex-end">
          <TextInput
            label="Implemented on"
            type="date"
            value={implementedOn}
            onChange={(e) => setImplementedOn(e.currentTarget.value)}
          />
          <Button onClick={() => implement.mutate()} loading={implement.isPending}>
            Record as implemented
          </Button>
        </Group>
      )}
      {change.status === 'implemented' && (
        <Stack gap={4}>
          <Text>
            Implemented on {change.implementedOn} by {change.implementedBy}.
            {change.material &&
              ' The system’s impact assessment is due again and its risks are flagged for review.'}
          </Text>
          {(flagged.data?.items ?? []).map((r) => (
            <Link key={r.riskId} to={`/risks?risk=${r.riskId}`}>
              Review risk: {r.title}
            </Link>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
