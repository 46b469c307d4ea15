import { Card, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { RequestBody } from './api-types.js';
import type { FieldConfig } from './fields.js';
import { RecordFormModal } from './RecordFormModal.js';
import { scoreOptions } from './risk-fields.js';
import { useRecords } from './useRecords.js';

/**
 * A new risk starting from the scenario library: picking a scenario pre-fills its title and default
 * scores (the API also copies its description), which the user can still adjust before saving.
 */
export function NewRiskModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const scenarios = useRecords('risk-scenarios');
  const matrix = useQuery({
    queryKey: ['risk-matrix-config'],
    queryFn: async () => unwrap(await api.GET('/api/risks/matrix-config')),
    staleTime: 60_000,
  });
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const scenario = scenarios.data?.find((s) => s.id === scenarioId);
  const fields: FieldConfig[] = [
    {
      name: 'scenarioId',
      label: 'Scenario',
      type: 'record',
      kind: 'risk-scenarios',
      nullable: true,
      wide: true,
      placeholder: 'Search the scenario library',
      onChange: (value, form) => {
        const picked = scenarios.data?.find((s) => s.id === value);
        if (!picked) return;
        form.setValues({
          title: picked.title,
          likelihood: String(picked.defaultLikelihood),
          impact: String(picked.defaultImpact),
        });
      },
    },
    { name: 'title', label: 'Title', type: 'text', required: true, wide: true },
    {
      name: 'likelihood',
      label: 'Likelihood',
      type: 'score',
      options: scoreOptions(matrix.data?.likelihoodLevels),
    },
    { name: 'impact', label: 'Impact', type: 'score', options: scoreOptions(matrix.data?.impactLevels) },
    { name: 'aiSystemIds', label: 'AI systems', type: 'records', kind: 'ai-systems', wide: true },
    { name: 'ownerId', label: 'Owner', type: 'record', kind: 'people', nullable: true },
  ];
  return (
    <RecordFormModal
      title="New risk from a scenario"
      opened={opened}
      onClose={() => {
        setScenarioId(null);
        onClose();
      }}
      fields={fields}
      onValuesChange={(values) => setScenarioId((values.scenarioId as string | null) ?? null)}
      save={async (body) =>
        unwrap(await api.POST('/api/risks', { body: body as RequestBody<'/api/risks', 'post'> }))
      }
      invalidate={[['risks'], ['risk-matrix'], ['ai-systems'], ['risk-scenarios'], ['trail']]}
      savedMessage="Risk created"
      submitLabel="Create risk"
    >
      {scenario && (
        <Card withBorder>
          <Text size="sm">{scenario.description}</Text>
          {scenario.suggestedTreatments.length > 0 && (
            <>
              <Text size="sm" fw={600} mt="xs">
                Suggested treatments
              </Text>
              <List size="sm">
                {scenario.suggestedTreatments.map((t) => (
                  <List.Item key={t}>{t}</List.Item>
                ))}
              </List>
            </>
          )}
        </Card>
      )}
    </RecordFormModal>
  );
}
