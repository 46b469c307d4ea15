import { useSearchParams } from 'react-router';

export const PAGE_SIZE = 25;

/**
 * A list's state lives in the URL (page, sort, search and any filters), so every view is a shareable link.
 * Changing anything but the page goes back to page 1.
 */
export function useListParams<Filter extends string>(filters: readonly Filter[], defaultSort: string) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? 1));
  const sort = params.get('sort') ?? defaultSort;
  const q = params.get('q') ?? '';
  const values = Object.fromEntries(filters.map((f) => [f, params.get(f)])) as Record<Filter, string | null>;

  // Reads the URL as it is when applied, so two updates in one event (or a stale render) both land.
  const update = (changes: Record<string, string | null>) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };

  /** The query-string part shared by every list endpoint. */
  const query = {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    sort,
    ...(q ? { q } : {}),
    ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
  };

  return { page, sort, q, filters: values, update, query };
}
