import { Badge } from '@mantine/core';
import { humanise } from '../registers/labels.js';
import { STATUS_COLOURS } from './status.js';

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge miw="max-content" variant="light" color={STATUS_COLOURS[status]}>
      {humanise(status)}
    </Badge>
  );
}
