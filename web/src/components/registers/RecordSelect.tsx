import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import { type RecordKind, useRecordOptions } from './useRecords.js';

/** The clear (×) button needs a name of its own for screen readers. */
export const clearButton = (label: unknown) => ({
  'aria-label': `Clear ${typeof label === 'string' ? label.toLowerCase() : 'value'}`,
});

/** A searchable picker of one record of another register (an owner, a scenario…). */
export function RecordSelect({ kind, ...props }: { kind: RecordKind } & Omit<SelectProps, 'data'>) {
  return (
    <Select
      searchable
      clearable
      allowDeselect={false}
      nothingFoundMessage="Nothing matches"
      data={useRecordOptions(kind)}
      clearButtonProps={clearButton(props.label ?? props['aria-label'])}
      {...props}
    />
  );
}

/** A searchable picker of several linked records (datasets, vendors, AI systems). */
export function RecordMultiSelect({ kind, ...props }: { kind: RecordKind } & Omit<MultiSelectProps, 'data'>) {
  return (
    <MultiSelect
      searchable
      clearable
      nothingFoundMessage="Nothing matches"
      data={useRecordOptions(kind)}
      clearButtonProps={clearButton(props.label ?? props['aria-label'])}
      {...props}
    />
  );
}
