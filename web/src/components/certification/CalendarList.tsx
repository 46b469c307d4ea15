import { Alert, Anchor, Badge, Group, Loader, MultiSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { humanise } from '../registers/labels.js';

type CalendarEvent = components['schemas']['Calendar']['events'][number];
type Kind = CalendarEvent['kind'];

const KINDS: Kind[] = [
  'external_audit',
  'certificate_expiry',
  'internal_audit',
  'management_review',
  'corrective_action',
  'effectiveness_check',
  'review_action',
  'objective',
  'policy_review',
  'ai_system_review',
  'vendor_review',
  'evidence_expiry',
];

const monthOf = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

function byMonth(events: CalendarEvent[]) {
  const months = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    const month = monthOf(event.start);
    months.set(month, [...(months.get(month) ?? []), event]);
  }
  return [...months.entries()];
}

/** Every dated AIMS obligation from a month ago to a year ahead, by month, filtered by kind in the URL. */
export function CalendarList() {
  const [params, setParams] = useSearchParams();
  const kinds = (params.get('kinds') ?? '').split(',').filter((k): k is Kind => KINDS.includes(k as Kind));
  const calendar = useQuery({
    queryKey: ['calendar', kinds],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/calendar', {
          params: { query: kinds.length ? { kinds: kinds.join(',') as never } : {} },
        }),
      ),
  });
  return (
    <Stack>
      <MultiSelect
        label="Show"
        placeholder={kinds.length ? undefined : 'Everything'}
        data={KINDS.map((value) => ({ value, label: humanise(value) }))}
        value={kinds}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (value.length) next.set('kinds', value.join(','));
          else next.delete('kinds');
          setParams(next, { replace: true });
        }}
        clearable
        maw={640}
      />
      {calendar.isPending && <Loader aria-label="Loading calendar" />}
      {calendar.error && <Alert color="red">{calendar.error.message}</Alert>}
      {calendar.data && calendar.data.events.length === 0 && <Text c="dimmed">Nothing scheduled.</Text>}
      {calendar.data &&
        byMonth(calendar.data.events).map(([month, events]) => (
          <Stack key={month} gap={4}>
            <Title order={3} size="h5">
              {month}
            </Title>
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={`Calendar ${month}`} verticalSpacing={4}>
                <Table.Tbody>
                  {events.map((event) => (
                    <Table.Tr key={event.uid}>
                      <Table.Td w={190}>
                        <Text size="sm">
                          {event.start === event.end ? event.start : `${event.start} – ${event.end}`}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Anchor component={Link} to={event.link} size="sm">
                            {event.title}
                          </Anchor>
                          {event.overdue && (
                            <Badge color="red" variant="light" size="sm">
                              Overdue
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td w={200}>
                        <Badge variant="outline" color="gray" size="sm">
                          {humanise(event.kind)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ))}
    </Stack>
  );
}
