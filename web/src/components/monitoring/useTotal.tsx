import { type QueryKey, useQuery } from '@tanstack/react-query';

/**
 * The `total` of a list endpoint asked for one row: how dashboards count without loading the list. The key
 * starts with the list's own key, so anything that invalidates the list refreshes the count too.
 */
export function useTotal(key: QueryKey, fetchPage: () => Promise<{ total: number }>) {
  const query = useQuery({ queryKey: [...key, 'total'], queryFn: fetchPage });
  return query.data?.total;
}

/** A count, or a dash while it loads. */
export const shown = (value: number | undefined) => (value === undefined ? '…' : String(value));
