import { Badge, Group } from '@mantine/core';
import { humanise } from '../registers/labels.js';
import { type Concern, STATUS_COLOURS } from './labels.js';

export function ConcernStatus({ concern }: { concern: Pick<Concern, 'status' | 'overdue'> }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge miw="max-content" color={STATUS_COLOURS[concern.status]} variant="light">
        {humanise(concern.status)}
      </Badge>
      {concern.overdue && (
        <Badge miw="max-content" color="red.9">
          Overdue
        </Badge>
      )}
    </Group>
  );
}
