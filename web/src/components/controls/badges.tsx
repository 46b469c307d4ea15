import { Badge } from '@mantine/core';
import type { components } from '../../api/schema.js';

type Control = components['schemas']['Control'];

export const CONTROL_STATUSES = [
  { value: 'not_started', label: 'Not started', color: 'gray.7' },
  { value: 'in_progress', label: 'In progress', color: 'yellow.4' },
  { value: 'implemented', label: 'Implemented', color: 'teal.9' },
];
export const REQUIREMENT_COLOURS: Record<string, string> = {
  met: 'teal.9',
  partial: 'yellow.4',
  not_met: 'red.9',
  not_applicable: 'gray.7',
};

export function StatusBadge({ status }: { status: string }) {
  const s = CONTROL_STATUSES.find((x) => x.value === status);
  return (
    <Badge color={s?.color ?? 'gray.7'} autoContrast miw="max-content">
      {s?.label ?? status}
    </Badge>
  );
}

export function OperatingBadge({ control }: { control: Control }) {
  return (
    <Badge
      color={control.operating ? 'teal.9' : 'red.9'}
      autoContrast
      miw="max-content"
      title={control.operatingReason}
    >
      {control.operating ? 'Operating' : 'Not operating'}
    </Badge>
  );
}
