import { Anchor, Badge, Button, Group, Stack, Switch, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { REQUIREMENT_COLOURS } from '../controls/badges.js';
import { LINK, PRIMARY } from '../controls/colours.js';
import { STATUS_LABELS } from '../status.js';
import type { SoaFrameworkId, SoaRow } from './types.js';

/**
 * One Annex A row. Configurers decide it inline: the switch saves at once, and an exclusion without a
 * justification stays on screen with the API's error beside the justification until it is given.
 */
export function SoaRowEditor({
  frameworkId,
  row,
  editable,
}: {
  frameworkId: SoaFrameworkId;
  row: SoaRow;
  editable: boolean;
}) {
  const client = useQueryClient();
  const form = useForm({ initialValues: { applicable: row.applicable, justification: row.justification } });
  const save = useMutation({
    mutationFn: async (values: typeof form.values) =>
      unwrap(
        await api.PATCH('/api/soa/rows/{ref}', {
          params: { path: { ref: row.ref }, query: { frameworkId } },
          body: values,
        }),
      ),
    onSuccess: async (saved) => {
      form.resetDirty({ applicable: saved.applicable, justification: saved.justification });
      showSaved(`${row.ref} saved.`);
      await client.invalidateQueries({ queryKey: ['soa'] });
    },
    onError: (error) => showProblem(form, error),
  });
  const submit = form.onSubmit((values) => save.mutate(values));

  return (
    <Table.Tr id={`soa-row-${row.ref}`}>
      <Table.Td>
        <Text fw={600} size="sm">
          {row.ref}
        </Text>
        <Text size="sm">{row.title}</Text>
      </Table.Td>
      <Table.Td>
        {editable ? (
          <Switch
            aria-label={`${row.ref} applicable`}
            label={form.values.applicable ? 'Applicable' : 'Excluded'}
            checked={form.values.applicable}
            disabled={save.isPending}
            onChange={(event) => {
              const applicable = event.currentTarget.checked;
              form.setFieldValue('applicable', applicable);
              save.mutate({ ...form.values, applicable });
            }}
          />
        ) : (
          <Badge color={row.applicable ? 'teal.9' : 'gray.7'} autoContrast>
            {row.applicable ? 'Applicable' : 'Excluded'}
          </Badge>
        )}
      </Table.Td>
      <Table.Td miw={260}>
        {editable ? (
          <form onSubmit={submit}>
            <Stack gap={4}>
              <Textarea
                aria-label={`${row.ref} justification`}
                autosize
                minRows={1}
                maxRows={6}
                {...form.getInputProps('justification')}
              />
              {form.isDirty() && (
                <Group gap="xs">
                  <Button color={PRIMARY} type="submit" size="xs" loading={save.isPending}>
                    Save {row.ref}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => form.reset()}>
                    Cancel
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        ) : (
          <Text size="sm">{row.justification}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={REQUIREMENT_COLOURS[row.implementationStatus]} autoContrast>
          {STATUS_LABELS[row.implementationStatus]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {row.controlIds.map((id) => (
            <Anchor
              c={LINK}
              key={id}
              component={Link}
              to={`/controls?control=${encodeURIComponent(id)}`}
              size="sm"
            >
              {id}
            </Anchor>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{row.evidenceCount}</Table.Td>
    </Table.Tr>
  );
}
