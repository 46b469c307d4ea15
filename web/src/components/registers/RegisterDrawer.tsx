import { Alert, Drawer, Loader } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** The record a `?<param>=<id>` link opens, and how to open or close it without losing the list's state. */
export function useRecordParam(param: string) {
  const [params, setParams] = useSearchParams();
  const withId = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set(param, id);
    else next.delete(param);
    return next;
  };
  return {
    id: params.get(param),
    /** A link that opens the record, keeping the list's filters. */
    href: (id: string) => `?${withId(id)}`,
    close: () => setParams(withId(null), { replace: true }),
  };
}

/** A drawer showing one record of a register, opened by a shareable `?<param>=<id>` link. */
export function RegisterDrawer<Row>({
  param,
  queryKey,
  load,
  title,
  children,
}: {
  param: string;
  queryKey: string;
  load: (id: string) => Promise<Row>;
  title: (row: Row) => string;
  children: (row: Row) => ReactNode;
}) {
  const { id, close } = useRecordParam(param);
  const isMobile = useMediaQuery('(max-width: 48em)');
  const record = useQuery({
    queryKey: [queryKey, 'detail', id],
    enabled: id !== null,
    queryFn: () => load(id ?? ''),
  });
  return (
    <Drawer
      opened={id !== null}
      onClose={close}
      position="right"
      size={isMobile ? '100%' : 'lg'}
      title={record.data ? title(record.data) : 'Loading…'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {record.isPending && <Loader role="status" aria-label="Loading" />}
      {record.error && <Alert color="red">{record.error.message}</Alert>}
      {record.data && children(record.data)}
    </Drawer>
  );
}
