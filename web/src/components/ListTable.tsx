import { Alert, Center, Loader, Pagination, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { PAGE_SIZE } from '../hooks/useListParams.js';

export interface Column<Row> {
  key: string;
  label: string;
  /** The API's sort field, when the column can be sorted. */
  sort?: string;
  render: (row: Row) => ReactNode;
}

interface ListTableProps<Row> {
  label: string;
  columns: Column<Row>[];
  rows: Row[] | undefined;
  total: number | undefined;
  rowKey: (row: Row) => string;
  loading: boolean;
  error: Error | null;
  empty: string;
  sort: string;
  page: number;
  onChange: (changes: Record<string, string | null>) => void;
  onRowClick?: (row: Row) => void;
}

/** A server-paged, server-sorted table with loading, error and empty states: every register list uses it. */
export function ListTable<Row>(props: ListTableProps<Row>) {
  const { columns, rows, total, sort, page, onChange } = props;
  const header = (column: Column<Row>) => {
    if (!column.sort) return <Table.Th key={column.key}>{column.label}</Table.Th>;
    const active = sort.replace('-', '') === column.sort;
    const descending = sort.startsWith('-');
    return (
      <Table.Th key={column.key} aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
        <UnstyledButton
          onClick={() =>
            onChange({ sort: active && !descending ? `-${column.sort}` : (column.sort ?? null) })
          }
        >
          {column.label} {active ? (descending ? '▼' : '▲') : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Stack gap="xs">
      {props.error && <Alert color="red">{props.error.message}</Alert>}
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover aria-label={props.label} aria-busy={props.loading}>
          <Table.Thead>
            <Table.Tr>{columns.map(header)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => (
              <Table.Tr
                key={props.rowKey(row)}
                onClick={props.onRowClick ? () => props.onRowClick?.(row) : undefined}
                style={props.onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {columns.map((c) => (
                  <Table.Td key={c.key}>{c.render(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.loading && !rows && (
        <Center>
          <Loader size="sm" role="status" aria-label="Loading" />
        </Center>
      )}
      {total === 0 && <Text c="dimmed">{props.empty}</Text>}
      {total !== undefined && total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(total / PAGE_SIZE)}
          value={page}
          onChange={(value) => onChange({ page: String(value) })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      )}
    </Stack>
  );
}
