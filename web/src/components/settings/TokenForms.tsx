import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { showProblem } from '../../hooks/useApiForm.js';
import { CLOSE } from './CloseLabel.js';

type CreatedToken = components['schemas']['CreatedApiToken'];

/** Names a new token and its lifetime; the created token (with its secret) goes to `onCreated`. */
export function CreateTokenModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (created: CreatedToken) => void;
}) {
  const client = useQueryClient();
  const isMobile = useMediaQuery('(max-width: 48em)');
  const form = useForm<{ name: string; expiresInDays: number | string }>({
    initialValues: { name: '', expiresInDays: 90 },
  });
  const create = useMutation({
    // Keep no copy of the secret in the mutation cache once it has been handed over.
    gcTime: 0,
    mutationFn: async (values: typeof form.values) =>
      unwrap(
        await api.POST('/api/tokens', {
          body: {
            name: values.name,
            ...(typeof values.expiresInDays === 'number' ? { expiresInDays: values.expiresInDays } : {}),
          },
        }),
      ),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['tokens'] });
      form.reset();
      onClose();
      onCreated(created);
      create.reset();
    },
    onError: (error) => showProblem(form, error),
  });
  return (
    <Modal
      closeButtonProps={CLOSE}
      opened={opened}
      onClose={onClose}
      title="Create an API token"
      fullScreen={isMobile}
    >
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <TextInput
            label="Name"
            description="What uses it, e.g. “CI pipeline”."
            required
            {...form.getInputProps('name')}
          />
          <NumberInput
            label="Expires in (days)"
            description="Leave empty for a token that never expires."
            min={1}
            max={3650}
            allowDecimal={false}
            {...form.getInputProps('expiresInDays')}
          />
          <Text size="sm" c="dimmed">
            The token acts with your role and can do whatever you can through the API.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The one time the secret is ever shown: closing this forgets it for good. */
export function TokenSecretModal({
  created,
  onClose,
}: {
  created: CreatedToken | null;
  onClose: () => void;
}) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      closeButtonProps={CLOSE}
      opened={created !== null}
      onClose={onClose}
      title={`Token “${created?.token.name ?? ''}” created`}
      fullScreen={isMobile}
      closeOnClickOutside={false}
      size="lg"
    >
      {created && (
        <Stack>
          <Alert color="red" variant="outline" title="Copy it now">
            You will not see this token again: only its first characters are stored. If you lose it, revoke it
            and create a new one.
          </Alert>
          <Group wrap="nowrap" align="flex-start">
            <Code block data-testid="token-secret" style={{ flex: 1, wordBreak: 'break-all' }}>
              {created.secret}
            </Code>
            <CopyButton value={created.secret}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} miw="max-content">
                  {copied ? 'Copied' : 'Copy token'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm">
            Send it as <Code>Authorization: Bearer {created.token.prefix}…</Code>
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>I have stored it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
