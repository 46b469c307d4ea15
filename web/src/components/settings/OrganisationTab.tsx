import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { usePermissions } from '../../hooks/usePermissions.js';

type Organisation = components['schemas']['Organisation'];

function OrganisationForm({ initial }: { initial: Organisation }) {
  const client = useQueryClient();
  const form = useForm({ initialValues: initial });
  const save = useMutation({
    mutationFn: async (values: Organisation) => unwrap(await api.PUT('/api/organisation', { body: values })),
    onSuccess: (saved) => {
      client.setQueryData(['organisation'], saved);
      form.resetDirty(saved);
      showSaved('Organisation saved.');
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack maw={640}>
        <TextInput
          label="Organisation name"
          description="Printed on exported documents such as the Statement of Applicability."
          required
          {...form.getInputProps('name')}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            Save organisation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The organisation's name as printed on exports; managers and admins change it, others read it. */
export function OrganisationTab() {
  const { canConfigure } = usePermissions();
  const organisation = useQuery({
    queryKey: ['organisation'],
    queryFn: async () => unwrap(await api.GET('/api/organisation')),
  });
  if (organisation.isPending) return <Loader aria-label="Loading organisation" />;
  if (organisation.error) return <Alert color="red">{organisation.error.message}</Alert>;
  if (canConfigure) return <OrganisationForm initial={organisation.data} />;
  return (
    <Stack maw={640} gap={4}>
      <Text fw={600}>Organisation name</Text>
      <Text>{organisation.data.name}</Text>
    </Stack>
  );
}
