import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showSaved } from '../../hooks/useApiForm.js';
import { Markdown } from '../common/Markdown.js';
import { humanise } from '../registers/labels.js';
import { RecordTrail } from '../registers/RecordTrail.js';
import { ConfirmButton } from '../settings/ConfirmButton.js';
import { RACI_COLOURS } from './labels.js';

type Role = components['schemas']['AimsRole'];

/** One AIMS role in its drawer: what it is for, who holds it (RACI) and its change history. */
export function RoleDetails({
  role,
  onEdit,
  onDeleted,
}: {
  role: Role;
  onEdit?: () => void;
  onDeleted: () => void;
}) {
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.DELETE('/api/aims-roles/{id}', { params: { path: { id: role.id } } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['aims-roles'] });
      showSaved(`${role.name} deleted`);
      onDeleted();
    },
  });
  return (
    <Stack>
      {onEdit && (
        <Group>
          <Button onClick={onEdit}>Edit</Button>
          <ConfirmButton
            title={`Delete ${role.name}?`}
            message="The role and its RACI are removed; the change stays in the audit trail."
            loading={remove.isPending}
            onConfirm={() => remove.mutate()}
          >
            Delete
          </ConfirmButton>
        </Group>
      )}
      {role.aimsOwner && (
        <Badge color="grape" variant="light">
          AIMS owner role: receives reported concerns
        </Badge>
      )}
      <Text>{role.description || '—'}</Text>
      <Group gap={4}>
        {role.isoRefs.map((ref) => (
          <Badge key={ref} variant="outline" color="gray">
            {ref}
          </Badge>
        ))}
      </Group>
      <Title order={4}>Responsibilities</Title>
      <Markdown source={role.responsibilities} />
      <Title order={4}>RACI</Title>
      {role.assignments.length === 0 ? (
        <Text c="dimmed">Nobody holds this role yet.</Text>
      ) : (
        <Table aria-label="RACI">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Letter</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {role.assignments.map((a) => (
              <Table.Tr key={a.personId}>
                <Table.Td>
                  {a.person.name}
                  {!a.person.active && (
                    <Badge ml="xs" color="red" variant="light">
                      inactive
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={RACI_COLOURS[a.raci]}>{humanise(a.raci)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4}>Change history</Title>
      <RecordTrail entityType="aims_role" entityId={role.id} />
    </Stack>
  );
}
