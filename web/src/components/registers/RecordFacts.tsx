import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { type FieldConfig, type FormValues, getPath } from './fields.js';
import { humanise } from './labels.js';
import { useRecordNames } from './useRecords.js';

function RecordNames({ field, value }: { field: FieldConfig; value: unknown }) {
  const names = useRecordNames(field.kind ?? 'people');
  const ids = Array.isArray(value) ? (value as string[]) : value ? [String(value)] : [];
  return <>{ids.map((id) => names.get(id) ?? id).join(', ')}</>;
}

function display(field: FieldConfig, value: unknown): ReactNode {
  if (field.type === 'switch') return value ? 'Yes' : 'No';
  if (field.type === 'record' || field.type === 'records') return <RecordNames field={field} value={value} />;
  if (Array.isArray(value)) return value.join(', ');
  if (value === null || value === undefined) return '';
  if (field.type === 'select')
    return field.options?.find((o) => o.value === value)?.label ?? humanise(String(value));
  return String(value);
}

/** A record's fields as label/value pairs, for read-only views (what auditors see instead of a form). */
export function RecordFacts({ fields, record }: { fields: FieldConfig[]; record: object }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
      {fields.map((field) => {
        const shown = display(field, getPath(record as FormValues, field.name));
        return (
          <Stack key={field.name} gap={0} style={field.wide ? { gridColumn: '1 / -1' } : undefined}>
            <Text size="xs" c="dimmed" fw={600}>
              {field.label}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {shown === '' ? '—' : shown}
            </Text>
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}
