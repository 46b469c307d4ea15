import { Badge, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { usePermissions } from '../../hooks/usePermissions.js';
import type { RequestBody } from './api-types.js';
import { type FormValues, getPath } from './fields.js';
import { humanise } from './labels.js';
import { RecordFacts } from './RecordFacts.js';
import { RecordForm } from './RecordForm.js';
import { RecordLinks } from './RecordLinks.js';
import { RecordTrail } from './RecordTrail.js';
import { RegisterDrawer } from './RegisterDrawer.js';
import { ACCEPTANCE_FIELDS, assessmentFields, treatmentFields } from './risk-fields.js';
import { ScoreBadge } from './ScoreBadge.js';

type Risk = components['schemas']['Risk'];
type Patch = RequestBody<'/api/risks/{id}', 'patch'>;

const INVALIDATE = [['risks'], ['risk-matrix'], ['ai-systems'], ['trail']];

const patchRisk = (id: string) => async (body: FormValues) =>
  unwrap(await api.PATCH('/api/risks/{id}', { params: { path: { id } }, body: body as Patch }));

function Scores({ risk }: { risk: Risk }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600}>
          Inherent score
        </Text>
        <div data-testid="inherent-score">
          <ScoreBadge score={risk.inherentScore} level={risk.inherentLevel} />
        </div>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600}>
          Residual score
        </Text>
        <div data-testid="residual-score">
          {risk.residualScore === null ? (
            <Text size="sm">Not assessed</Text>
          ) : (
            <ScoreBadge score={risk.residualScore} level={risk.residualLevel} />
          )}
        </div>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600}>
          Appetite
        </Text>
        <Badge variant="light" color={risk.withinAppetite ? 'teal' : 'red'}>
          {risk.withinAppetite ? 'Within appetite' : 'Above appetite'}
        </Badge>
      </Stack>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" fw={600}>
          Status
        </Text>
        <Text size="sm">{humanise(risk.status)}</Text>
      </Stack>
    </SimpleGrid>
  );
}

function RiskBody({ risk }: { risk: Risk }) {
  const canWrite = usePermissions().canEdit(risk.ownerId);
  const matrix = useQuery({
    queryKey: ['risk-matrix-config'],
    queryFn: async () => unwrap(await api.GET('/api/risks/matrix-config')),
    staleTime: 60_000,
  });
  const [treatment, setTreatment] = useState(risk.treatment);
  const treatment_ = treatmentFields(matrix.data);
  const assessment = assessmentFields(matrix.data);
  const save = patchRisk(risk.id);
  const common = { invalidate: INVALIDATE, save, submitLabel: 'Save' };
  return (
    <Stack>
      <Scores risk={risk} />
      {risk.scenario && (
        <Text size="sm">
          From scenario {risk.scenario.id}: {risk.scenario.title}
        </Text>
      )}
      <Group gap="xs">
        <Text size="sm" fw={600}>
          AI systems:
        </Text>
        <RecordLinks kind="ai-systems" ids={risk.aiSystemIds} empty="None linked" />
      </Group>
      {risk.acceptance && (
        <Text size="sm">
          Accepted by {risk.acceptance.approverName} on {risk.acceptance.acceptedAt}, until{' '}
          {risk.acceptance.expiresAt}
          {risk.acceptance.expired && (
            <Badge color="red" ml="xs">
              Expired
            </Badge>
          )}
        </Text>
      )}
      <Divider />
      <Title order={4}>Treatment</Title>
      {canWrite ? (
        <RecordForm
          key={`treatment-${risk.updatedAt}`}
          {...common}
          fields={treatment_}
          record={risk}
          label="Treatment"
          savedMessage="Treatment saved"
          onValuesChange={(values) => setTreatment(values.treatment as Risk['treatment'])}
        />
      ) : (
        <RecordFacts fields={treatment_} record={risk} />
      )}
      {canWrite && treatment === 'accept' && (
        <>
          <Title order={4}>Acceptance</Title>
          <Text size="sm" c="dimmed">
            Recording the acceptance sets the treatment to accept and the status to accepted.
          </Text>
          <RecordForm
            key={`acceptance-${risk.updatedAt}`}
            {...common}
            fields={ACCEPTANCE_FIELDS}
            record={risk.acceptance ? risk : null}
            defaults={{ acceptance: { acceptedAt: dayjs().format('YYYY-MM-DD') } }}
            body={(values) => ({
              treatment: 'accept',
              status: 'accepted',
              acceptance: Object.fromEntries(
                ACCEPTANCE_FIELDS.map((f) => [f.name.split('.')[1], getPath(values, f.name) ?? '']),
              ),
            })}
            label="Acceptance"
            savedMessage="Acceptance recorded"
            submitLabel="Record acceptance"
          />
        </>
      )}
      <Divider />
      <Title order={4}>Assessment</Title>
      {canWrite ? (
        <RecordForm
          key={`assessment-${risk.updatedAt}`}
          {...common}
          fields={assessment}
          record={risk}
          label="Assessment"
          savedMessage="Assessment saved"
        />
      ) : (
        <RecordFacts fields={assessment} record={risk} />
      )}
      <Divider />
      <Title order={4}>Change history</Title>
      <RecordTrail entityType="risk" entityId={risk.id} />
    </Stack>
  );
}

/** One risk in a drawer (`?risk=<id>`): its scores, treatment, acceptance, assessment and history. */
export function RiskDrawer() {
  return (
    <RegisterDrawer
      param="risk"
      queryKey="risks"
      load={async (id) => unwrap(await api.GET('/api/risks/{id}', { params: { path: { id } } }))}
      title={(r) => r.title}
    >
      {(risk) => <RiskBody key={risk.id} risk={risk} />}
    </RegisterDrawer>
  );
}
