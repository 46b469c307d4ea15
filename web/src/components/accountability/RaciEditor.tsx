import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { humanise } from '../registers/labels.js';
import { RACI } from './labels.js';

export interface RaciRow {
  /** A client-side key, so removing a row keeps the other rows' inputs in place. */
  key: string;
  personId: string | null;
  raci: string;
}

export interface RoleFormValues {
  name: string;
  description: string;
  responsibilities: string;
  isoRefs: string[];
  aimsOwner: boolean;
  assignments: RaciRow[];
}

const RACI_OPTIONS = RACI.map((value) => ({ value, label: humanise(value) }));

/**
 * The RACI of a role: one row per person with their letter. The API refuses a second accountable person
 * and names the row, so its errors land next to the row's fields.
 */
export function RaciEditor({
  form,
  people,
}: {
  form: UseFormReturnType<RoleFormValues>;
  people: Array<{ value: string; label: string }>;
}) {
  const rows = form.values.assignments;
  const listError = form.errors.assignments;
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" id="raci-heading">
        RACI
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody holds this role yet.
        </Text>
      )}
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" wrap="nowrap">
          <Select
            aria-label={`Person ${index + 1}`}
            placeholder="Choose a person"
            searchable
            data={people}
            style={{ flex: 1 }}
            {...form.getInputProps(`assignments.${index}.personId`)}
          />
          <Select
            aria-label={`RACI letter ${index + 1}`}
            allowDeselect={false}
            data={RACI_OPTIONS}
            w={160}
            {...form.getInputProps(`assignments.${index}.raci`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove person ${index + 1}`}
            onClick={() => form.removeListItem('assignments', index)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {listError && (
        <Text size="sm" c="red.8" role="alert">
          {String(listError)}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            form.insertListItem('assignments', {
              key: randomId(),
              personId: null,
              raci: rows.length ? 'responsible' : 'accountable',
            })
          }
        >
          Add person
        </Button>
      </Group>
    </Stack>
  );
}
