import { Group, Select, TextInput } from '@mantine/core';
import type { useListParams } from '../../hooks/useListParams.js';
import type { Option } from './labels.js';
import { clearButton, RecordSelect } from './RecordSelect.js';
import type { RecordKind } from './useRecords.js';

export interface FilterConfig {
  /** The URL parameter, which is also the API's filter name. */
  param: string;
  label: string;
  placeholder: string;
  options?: Option[];
  /** Filter by a record of another register (an owner…) instead of fixed options. */
  kind?: RecordKind;
}

/** A register's search box and filter selects, all kept in the URL. */
export function ListFilters({
  list,
  filters,
}: {
  list: ReturnType<typeof useListParams<string>>;
  filters: FilterConfig[];
}) {
  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        aria-label="Search"
        placeholder="Search"
        defaultValue={list.q}
        onChange={(e) => list.update({ q: e.currentTarget.value })}
      />
      {filters.map((filter) => {
        const props = {
          'aria-label': filter.label,
          placeholder: filter.placeholder,
          clearable: true,
          clearButtonProps: clearButton(filter.label),
          value: list.filters[filter.param] ?? null,
          onChange: (value: string | null) => list.update({ [filter.param]: value }),
        };
        return filter.kind ? (
          <RecordSelect key={filter.param} kind={filter.kind} {...props} />
        ) : (
          <Select key={filter.param} data={filter.options ?? []} {...props} />
        );
      })}
    </Group>
  );
}
