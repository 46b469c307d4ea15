import {
  Alert,
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  List,
  Loader,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import { ExpiryBadge } from '../evidence/ExpiryBadge.js';
import { invalidateEvidence } from '../evidence/invalidate.js';
import { usePeopleOptions } from '../evidence/options.js';
import { STATUS_LABELS } from '../status.js';
import { CONTROL_STATUSES, OperatingBadge, REQUIREMENT_COLOURS, StatusBadge } from './badges.js';
import { LINK, MUTED, PRIMARY } from './colours.js';

type Control = components['schemas']['Control'];

/** Status, owner, adoption and notes: what the organisation decides about a control. */
function ControlEditForm({ control }: { control: Control }) {
  const client = useQueryClient();
  const people = usePeopleOptions();
  const form = useForm({
    initialValues: {
      status: control.status,
      ownerId: control.ownerId,
      adopted: control.adopted,
      implementationNotes: control.implementationNotes,
    },
  });
  const save = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(await api.PATCH('/api/controls/{id}', { params: { path: { id: control.id } }, body: values })),
    onSuccess: async () => {
      showSaved(`${control.id} saved.`);
      await invalidateEvidence(client);
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="xs">
        <Select
          label="Status"
          data={CONTROL_STATUSES}
          allowDeselect={false}
          {...form.getInputProps('status')}
        />
        <Select label="Owner" data={people} searchable clearable {...form.getInputProps('ownerId')} />
        <Switch label="Adopted" {...form.getInputProps('adopted', { type: 'checkbox' })} />
        <Textarea
          label="Implementation notes"
          autosize
          minRows={3}
          {...form.getInputProps('implementationNotes')}
        />
        <Group>
          <Button color={PRIMARY} type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One control: why it operates or not, the requirements it serves, its evidence, and (for writers) its edit form. */
export function ControlDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { canEdit } = usePermissions();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const detail = useQuery({
    queryKey: ['control', id],
    enabled: id !== null,
    queryFn: async () => unwrap(await api.GET('/api/controls/{id}', { params: { path: { id: id ?? '' } } })),
  });
  const evidence = useQuery({
    queryKey: ['evidence', { controlId: id }],
    enabled: id !== null,
    queryFn: async () =>
      unwrap(await api.GET('/api/evidence', { params: { query: { controlId: id ?? '', limit: 100 } } })),
  });
  const c = detail.data;
  // The same queries as the framework pages, so titles and live statuses come from a shared cache.
  const trees = useQueries({
    queries: (c?.frameworkIds ?? []).map((frameworkId) => ({
      queryKey: ['requirements', frameworkId],
      queryFn: async () =>
        unwrap(await api.GET('/api/frameworks/{id}/requirements', { params: { path: { id: frameworkId } } })),
    })),
  });
  const requirementOf = (frameworkId: string, ref: string) =>
    trees[c?.frameworkIds.indexOf(frameworkId) ?? -1]?.data?.items.find((r) => r.ref === ref);

  return (
    <Drawer
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={isMobile ? '100%' : 'xl'}
      title={c ? `${c.id} ${c.name}` : id}
    >
      {detail.isPending && <Loader aria-label="Loading control" />}
      {detail.error && <Alert color="red">{detail.error.message}</Alert>}
      {c && (
        <Stack>
          <Group gap="xs">
            <StatusBadge status={c.status} />
            <OperatingBadge control={c} />
            {!c.adopted && (
              <Badge color="gray.7" autoContrast>
                Not adopted
              </Badge>
            )}
          </Group>
          <Text size="sm">{c.operatingReason}</Text>
          <Text>{c.description}</Text>
          <Text size="sm" c={MUTED}>
            Domain: {c.domain} · Owner: {c.owner?.name ?? 'none'} ({c.ownerRole || 'no role'}) · Frequency:{' '}
            {c.frequency}
          </Text>
          {c.expectedEvidence.length > 0 && (
            <>
              <Title order={4}>Expected evidence</Title>
              <List size="sm">
                {c.expectedEvidence.map((e) => (
                  <List.Item key={e}>{e}</List.Item>
                ))}
              </List>
            </>
          )}
          <Title order={4}>Mapped requirements</Title>
          {c.mappings.length === 0 && <Text c={MUTED}>None.</Text>}
          <List size="sm" spacing={4}>
            {c.mappings.map((m) => {
              const requirement = requirementOf(m.frameworkId, m.ref);
              return (
                <List.Item key={`${m.frameworkId}:${m.ref}`}>
                  <Anchor
                    c={LINK}
                    component={Link}
                    to={`/frameworks/${m.frameworkId}?ref=${encodeURIComponent(m.ref)}`}
                    size="sm"
                  >
                    {m.frameworkId} {m.ref} {requirement?.title}
                  </Anchor>{' '}
                  {requirement && (
                    <Badge size="xs" color={REQUIREMENT_COLOURS[requirement.status]} autoContrast>
                      {STATUS_LABELS[requirement.status]}
                    </Badge>
                  )}{' '}
                  <Text span size="xs" c={MUTED}>
                    {m.relationship}
                  </Text>
                </List.Item>
              );
            })}
          </List>
          <Title order={4}>Evidence</Title>
          {evidence.data?.items.length === 0 && <Text c={MUTED}>No evidence linked.</Text>}
          <List size="sm" spacing={4}>
            {evidence.data?.items.map((e) => (
              <List.Item key={e.id}>
                <Anchor c={LINK} component={Link} to={`/evidence?evidence=${e.id}`} size="sm">
                  {e.title}
                </Anchor>{' '}
                <ExpiryBadge validUntil={e.validUntil} />
              </List.Item>
            ))}
          </List>
          {canEdit(c.ownerId) ? (
            <>
              <Title order={4}>Edit</Title>
              <ControlEditForm key={c.updatedAt} control={c} />
            </>
          ) : (
            c.implementationNotes && (
              <>
                <Title order={4}>Implementation notes</Title>
                <Text size="sm">{c.implementationNotes}</Text>
              </>
            )
          )}
        </Stack>
      )}
    </Drawer>
  );
}
