import {
  Badge,
  Button,
  Group,
  List,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { Option } from '../registers/labels.js';
import { type ChecklistItem, RESULT_COLOURS, RESULT_OPTIONS, resultLabel } from './audit-fields.js';
import { useAuditAction } from './useAuditAction.js';

/** One requirement to audit: the guidance for the auditor, and (while in progress) the result form. */
export function ChecklistItemRow({
  auditId,
  item,
  editable,
  evidence,
}: {
  auditId: string;
  item: ChecklistItem;
  editable: boolean;
  evidence: Option[];
}) {
  const [result, setResult] = useState<string | null>(item.result);
  const [notes, setNotes] = useState(item.notes);
  const [sampled, setSampled] = useState<string[]>(item.sampledEvidenceIds);
  const save = useAuditAction(
    async () =>
      unwrap(
        await api.PATCH('/api/audits/{id}/checklist/{itemId}', {
          params: { path: { id: auditId, itemId: item.id } },
          body: { result: result as never, notes, sampledEvidenceIds: sampled },
        }),
      ),
    `Result for ${item.ref} saved`,
  );
  const label = `${item.ref} ${item.title}`;
  return (
    <Stack gap="xs" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Badge color={item.result ? RESULT_COLOURS[item.result] : 'gray'} variant="light" miw="max-content">
          {resultLabel(item.result)}
        </Badge>
      </Group>
      {item.auditorFocus && (
        <Text size="sm" c="dimmed">
          <strong>Auditor focus:</strong> {item.auditorFocus}
        </Text>
      )}
      {item.typicalEvidence.length > 0 && (
        <List size="xs" c="dimmed" aria-label={`Typical evidence for ${item.ref}`}>
          {item.typicalEvidence.map((e) => (
            <List.Item key={e}>{e}</List.Item>
          ))}
        </List>
      )}
      {editable ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={`Result for ${item.ref}`}
            data={RESULT_OPTIONS}
            value={result}
            onChange={setResult}
            clearable
          />
          <Textarea
            label={`Notes for ${item.ref}`}
            autosize
            minRows={1}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
          <MultiSelect
            label={`Sampled evidence for ${item.ref}`}
            data={evidence}
            value={sampled}
            onChange={setSampled}
            searchable
          />
          <Group>
            <Button size="xs" onClick={() => save.mutate(undefined)} loading={save.isPending}>
              Save {item.ref}
            </Button>
          </Group>
        </SimpleGrid>
      ) : (
        <>
          {item.notes && <Text size="sm">{item.notes}</Text>}
          {item.sampledEvidence.length > 0 && (
            <Text size="xs" c="dimmed">
              Sampled: {item.sampledEvidence.map((e) => e.title).join(', ')}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
