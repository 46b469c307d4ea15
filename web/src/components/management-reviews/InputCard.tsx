import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { InputSection, ReviewInputs } from './review-fields.js';

type Comparison = ReviewInputs['comparison'][number];

function Delta({ comparison }: { comparison: Comparison | undefined }) {
  if (!comparison || comparison.delta === null) return null;
  const { delta, previous } = comparison;
  const text = delta === 0 ? 'no change' : `${delta > 0 ? '+' : ''}${delta}`;
  return (
    <Text size="xs" c="dimmed" title={`Previous review: ${previous}`}>
      {text} vs previous ({previous})
    </Text>
  );
}

/** One 9.3.2 input: its figures (with the change since the previous review), details, and the board's note. */
export function InputCard({
  section,
  comparison,
  note,
  canEdit,
  onSaveNote,
  saving,
}: {
  section: InputSection;
  comparison: Comparison[];
  note: string;
  canEdit: boolean;
  onSaveNote: (text: string) => void;
  saving: boolean;
}) {
  const [draft, setDraft] = useState(note);
  const headingId = `input-${section.key}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            {section.title}
          </Title>
          {note.trim() ? <Badge color="teal">Discussed</Badge> : <Badge color="gray">No note yet</Badge>}
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="xs">
          {section.figures.map((f) => (
            <div key={f.key} data-figure={`${section.key}.${f.key}`}>
              <Text size="xs" c="dimmed">
                {f.label}
              </Text>
              <Text fw={f.headline ? 700 : 500} size="lg">
                {f.value}
              </Text>
              <Delta comparison={comparison.find((c) => c.section === section.key && c.figure === f.key)} />
            </div>
          ))}
        </SimpleGrid>
        {section.tables
          .filter((t) => t.rows.length > 0)
          .map((t) => (
            <Table.ScrollContainer key={t.title} minWidth={500}>
              <Table striped withTableBorder fz="xs" aria-label={`${section.title}: ${t.title}`}>
                <Table.Thead>
                  <Table.Tr>
                    {t.columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {t.rows.slice(0, 10).map((row, i) => (
                    // Rows are display-only and never reordered.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <Table.Tr key={i}>
                      {row.map((cell, j) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                        <Table.Td key={j}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {t.rows.length > 10 && (
                <Text size="xs" c="dimmed">
                  and {t.rows.length - 10} more
                </Text>
              )}
            </Table.ScrollContainer>
          ))}
        {canEdit ? (
          <Group align="flex-end">
            <Textarea
              label="Discussion and conclusion"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              autosize
              minRows={2}
              style={{ flex: 1 }}
            />
            <Button
              variant="light"
              onClick={() => onSaveNote(draft)}
              loading={saving}
              disabled={draft === note}
              aria-label={`Save note on ${section.title}`}
            >
              Save note
            </Button>
          </Group>
        ) : (
          <Text size="sm">
            <strong>Conclusion: </strong>
            {note.trim() || 'No note recorded.'}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
