import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client.js';
import { ScrollTable } from './ScrollTable.js';

/** Evidence whose validity ends within 30 days (or has ended), soonest first: what to renew next. */
export function ExpiriesCard() {
  const horizon = dayjs().add(30, 'day').format('YYYY-MM-DD');
  const today = dayjs().format('YYYY-MM-DD');
  const query = { staleOn: horizon, sort: 'validUntil', limit: 10 } as const;
  const expiring = useQuery({
    queryKey: ['evidence', query],
    queryFn: async () => unwrap(await api.GET('/api/evidence', { params: { query } })),
  });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        Evidence expiring in the next 30 days (or expired)
      </Title>
      {expiring.data?.items.length === 0 && <Text c="dimmed">Nothing expires soon.</Text>}
      <ScrollTable minWidth={360} label="Expiring evidence">
        <Table.Tbody>
          {expiring.data?.items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.title}</Table.Td>
              <Table.Td>{e.owner?.name}</Table.Td>
              <Table.Td>
                <Badge
                  color={e.validUntil && e.validUntil < today ? 'red.9' : 'yellow.5'}
                  autoContrast
                  miw="max-content"
                >
                  {e.validUntil}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {expiring.data && expiring.data.total > expiring.data.items.length && (
        <Text size="sm" c="dimmed">
          and {expiring.data.total - expiring.data.items.length} more
        </Text>
      )}
    </Card>
  );
}
