import { Button, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FieldConfig } from './fields.js';
import { RecordFacts } from './RecordFacts.js';
import { RecordLinks } from './RecordLinks.js';
import { RecordTrail } from './RecordTrail.js';

/**
 * A register record in a drawer: its fields, the AI systems using it, its change history, and an Edit
 * button only for roles that may change it.
 */
export function RecordDetails({
  fields,
  record,
  entityType,
  systems,
  onEdit,
  actions,
}: {
  fields: FieldConfig[];
  record: { id: string };
  entityType: string;
  systems?: string[];
  onEdit?: () => void;
  actions?: ReactNode;
}) {
  return (
    <Stack>
      {(onEdit || actions) && (
        <Group>
          {onEdit && <Button onClick={onEdit}>Edit</Button>}
          {actions}
        </Group>
      )}
      <RecordFacts fields={fields} record={record} />
      {systems && (
        <>
          <Title order={4}>Used by AI systems</Title>
          <RecordLinks kind="ai-systems" ids={systems} empty="No AI system uses it." />
        </>
      )}
      <Title order={4}>Change history</Title>
      <RecordTrail entityType={entityType} entityId={record.id} />
    </Stack>
  );
}
