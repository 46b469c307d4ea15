import { ActionIcon, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { RecordSelect } from './RecordSelect.js';

type AiSystem = components['schemas']['AiSystem'];
interface ModelRow {
  name: string;
  version: string;
  providerVendorId: string | null;
  baseModel: string;
}

const blank = (): ModelRow => ({ name: '', version: '', providerVendorId: null, baseModel: '' });

/** Edits an AI system's model list as a whole: add, change and remove rows, then save them in one PATCH. */
export function ModelsEditor({
  system,
  opened,
  onClose,
}: {
  system: AiSystem;
  opened: boolean;
  onClose: () => void;
}) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Models of ${system.name}`}
      size="xl"
      fullScreen={isMobile}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <ModelsForm system={system} onClose={onClose} />}
    </Modal>
  );
}

function ModelsForm({ system, onClose }: { system: AiSystem; onClose: () => void }) {
  const client = useQueryClient();
  const form = useForm<{ models: ModelRow[] }>({
    initialValues: {
      models: system.models.map((m) => ({
        name: m.name,
        version: m.version ?? '',
        providerVendorId: m.providerVendorId ?? null,
        baseModel: m.baseModel ?? '',
      })),
    },
  });
  const save = useMutation({
    mutationFn: async ({ models }: { models: ModelRow[] }) =>
      unwrap(
        await api.PATCH('/api/ai-systems/{id}', {
          params: { path: { id: system.id } },
          body: {
            models: models.map((m) => ({
              name: m.name.trim(),
              version: m.version.trim() || null,
              providerVendorId: m.providerVendorId,
              baseModel: m.baseModel.trim() || null,
            })),
          },
        }),
      ),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['ai-systems'] }),
        client.invalidateQueries({ queryKey: ['trail'] }),
      ]);
      showSaved('Models saved');
      onClose();
    },
    onError: (error) => showProblem(form, error),
  });
  const rows = form.getValues().models;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate aria-label="Models">
      <Stack>
        {rows.length === 0 && <Text c="dimmed">No models yet.</Text>}
        {rows.map((_, index) => (
          <Card key={form.key(`models.${index}`)} withBorder padding="sm">
            <Group justify="space-between" mb="xs">
              <Text fw={600} size="sm">
                Model {index + 1}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove model ${index + 1}`}
                onClick={() => form.removeListItem('models', index)}
              >
                ×
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Name"
                required
                key={form.key(`models.${index}.name`)}
                {...form.getInputProps(`models.${index}.name`)}
              />
              <TextInput
                label="Version"
                key={form.key(`models.${index}.version`)}
                {...form.getInputProps(`models.${index}.version`)}
              />
              <RecordSelect
                kind="vendors"
                label="Provider (empty: built in-house)"
                key={form.key(`models.${index}.providerVendorId`)}
                {...form.getInputProps(`models.${index}.providerVendorId`)}
              />
              <TextInput
                label="Base model"
                key={form.key(`models.${index}.baseModel`)}
                {...form.getInputProps(`models.${index}.baseModel`)}
              />
            </SimpleGrid>
          </Card>
        ))}
        <Group justify="space-between">
          <Button variant="light" onClick={() => form.insertListItem('models', blank())}>
            Add model
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save models
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
