import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import type { FieldConfig } from '../registers/fields.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';

const FIELDS: FieldConfig[] = [
  { name: 'body', label: 'Certification body', type: 'text', required: true },
  { name: 'certificateNumber', label: 'Certificate number', type: 'text' },
  {
    name: 'issuedOn',
    label: 'Certification decision',
    type: 'date',
    nullable: true,
    description: 'Starts the three-year cycle; surveillance and recertification audits are planned from it.',
  },
  {
    name: 'expiresOn',
    label: 'Expires',
    type: 'date',
    nullable: true,
    description: 'Leave empty for three years after the decision.',
  },
  { name: 'scope', label: 'Certified scope', type: 'textarea', wide: true },
];

export const certificationQuery = {
  queryKey: ['certification'],
  queryFn: async () => unwrap(await api.GET('/api/certification')),
};

function expiryBadge(days: number | null) {
  if (days === null) return null;
  const color = days < 0 ? 'red' : days < 120 ? 'yellow' : 'teal';
  return (
    <Badge color={color} variant="light">
      {days < 0 ? `Expired ${-days} days ago` : `${days} days to expiry`}
    </Badge>
  );
}

/** The certificate in force and who issued it; managers record or correct it. */
export function CertificateCard() {
  const { canConfigure } = usePermissions();
  const [editing, { open, close }] = useDisclosure();
  const state = useQuery(certificationQuery);
  if (state.isPending) return <Loader aria-label="Loading certification" />;
  if (state.error) return <Alert color="red">{state.error.message}</Alert>;
  const certificate = state.data.certification;
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={3} size="h4">
            {certificate ? certificate.body : 'Not certified yet'}
          </Title>
          {certificate ? (
            <>
              <Text size="sm" data-testid="certificate-number">
                Certificate {certificate.certificateNumber || '(no number)'} ·{' '}
                {certificate.issuedOn ? `issued ${certificate.issuedOn}` : 'decision pending'}
                {certificate.expiresOn ? ` · expires ${certificate.expiresOn}` : ''}
              </Text>
              <Group gap="xs">{expiryBadge(certificate.daysToExpiry)}</Group>
              {certificate.scope && (
                <Text size="sm" c="dimmed" maw={720}>
                  {certificate.scope}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Record the certification body and, once decided, the certification date to plan the cycle.
            </Text>
          )}
        </Stack>
        {canConfigure && (
          <Button variant={certificate ? 'default' : 'filled'} onClick={open}>
            {certificate ? 'Edit certificate' : 'Record certification'}
          </Button>
        )}
      </Group>
      <RecordFormModal
        title={certificate ? 'Edit certificate' : 'Record certification'}
        opened={editing}
        onClose={close}
        fields={FIELDS}
        defaults={certificate ?? { body: '', certificateNumber: '', scope: '' }}
        // Given as defaults (not a record) so PUT gets every field; an empty expiry means "three years".
        body={(_values, all) => ({ ...all, expiresOn: all.expiresOn ?? undefined })}
        save={async (body) =>
          unwrap(
            await api.PUT('/api/certification', {
              body: body as { body: string; issuedOn: string | null },
            }),
          )
        }
        invalidate={[['certification']]}
        savedMessage="Certificate saved"
        submitLabel="Save certificate"
      />
    </Card>
  );
}
