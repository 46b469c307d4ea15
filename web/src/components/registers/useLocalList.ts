import { useState } from 'react';
import { PAGE_SIZE } from '../../hooks/useListParams.js';

/**
 * Page and sort of a secondary list inside a page (a system's risks, a record's history): kept in
 * component state, since the URL already belongs to the page's main subject.
 */
export function useLocalList(defaultSort: string) {
  const [state, setState] = useState({ page: 1, sort: defaultSort });
  return {
    ...state,
    query: { limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE },
    update: (changes: Record<string, string | null>) =>
      setState((s) => ({
        page: Number(changes.page ?? 1),
        sort: 'sort' in changes ? (changes.sort ?? defaultSort) : s.sort,
      })),
  };
}
