import { MultiSelect, NumberInput, Select, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { FieldConfig, RecordFormType } from './fields.js';
import { clearButton, RecordMultiSelect, RecordSelect } from './RecordSelect.js';

/** Renders one configured field bound to the form, with the API's error (if any) beneath it. */
export function RecordField({
  field,
  form,
  autoFocus = false,
}: {
  field: FieldConfig;
  form: RecordFormType;
  /** In a dialog, the first field takes the focus when it opens. */
  autoFocus?: boolean;
}) {
  const input = form.getInputProps(field.name, { type: field.type === 'switch' ? 'checkbox' : 'input' });
  const onChange = (value: unknown) => {
    input.onChange(value);
    field.onChange?.(value, form);
  };
  const common = {
    ...input,
    onChange,
    label: field.label,
    description: field.description,
    placeholder: field.placeholder,
    withAsterisk: field.required,
    'data-autofocus': autoFocus || undefined,
  };
  const clear = { clearButtonProps: clearButton(field.label) };
  switch (field.type) {
    case 'textarea':
      return (
        <Textarea
          autosize
          minRows={2}
          maxRows={8}
          {...common}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'select':
    case 'score':
      return (
        <Select
          data={field.options ?? []}
          clearable={field.nullable}
          allowDeselect={false}
          {...common}
          {...clear}
        />
      );
    case 'number':
      return <NumberInput min={0} allowDecimal={field.decimal ?? false} {...common} />;
    case 'date':
      return <DateInput valueFormat="YYYY-MM-DD" clearable={field.nullable} {...common} {...clear} />;
    case 'switch':
      return <Switch {...common} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'multiselect':
      return <MultiSelect data={field.options ?? []} clearable {...common} {...clear} />;
    case 'tags':
      return <TagsInput clearable {...common} {...clear} />;
    case 'record':
      return <RecordSelect kind={field.kind ?? 'people'} clearable={field.nullable} {...common} />;
    case 'records':
      return <RecordMultiSelect kind={field.kind ?? 'ai-systems'} {...common} />;
    default:
      return <TextInput {...common} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
