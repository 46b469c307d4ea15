import { Alert, Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { showProblem, showSaved } from '../../hooks/useApiForm.js';
import { type FieldConfig, type FormValues, toBody, toFormValues } from './fields.js';
import { RecordField } from './RecordField.js';

export interface RecordFormProps<Saved> {
  fields: FieldConfig[];
  /** The record being edited; absent when creating. Only changed fields are sent on edit. */
  record?: object | null;
  /** Starting values when creating. */
  defaults?: FormValues;
  save: (body: FormValues) => Promise<Saved>;
  /** Overrides the request body built from the fields. */
  body?: (values: FormValues, changed: FormValues) => FormValues;
  /** Query keys to refresh after a save. */
  invalidate: QueryKey[];
  savedMessage: string;
  submitLabel: string;
  /** The form's accessible name, when a page holds several forms. */
  label?: string;
  onSaved?: (saved: Saved) => void;
  onCancel?: () => void;
  /** Watches the live values, e.g. to show another form only for some choices. */
  onValuesChange?: (values: FormValues) => void;
  /** Focus the first field on opening (forms in dialogs). */
  autoFocus?: boolean;
  children?: ReactNode;
}

/**
 * A register form: fields laid out from their config, the API's field errors shown next to the fields
 * (and any other error above the buttons), queries refreshed after a save.
 */
export function RecordForm<Saved>(props: RecordFormProps<Saved>) {
  const { fields, record } = props;
  const client = useQueryClient();
  const initial = toFormValues(fields, record ?? props.defaults);
  const form = useForm<FormValues>({
    initialValues: initial,
    onValuesChange: props.onValuesChange,
  });
  const mutation = useMutation({
    mutationFn: (values: FormValues) => {
      const changed = toBody(fields, values, record ? initial : undefined);
      return props.save(props.body ? props.body(values, changed) : changed);
    },
    onSuccess: async (saved) => {
      await Promise.all(props.invalidate.map((queryKey) => client.invalidateQueries({ queryKey })));
      showSaved(props.savedMessage);
      props.onSaved?.(saved);
    },
    onError: (error) => showProblem(form, error),
  });
  const names = new Set(fields.map((f) => f.name));
  const other = Object.entries(form.errors).filter(([path]) => !names.has(path));
  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate aria-label={props.label}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {fields.map((field, index) => (
            <div key={field.name} style={field.wide ? { gridColumn: '1 / -1' } : undefined}>
              <RecordField field={field} form={form} autoFocus={props.autoFocus && index === 0} />
            </div>
          ))}
        </SimpleGrid>
        {props.children}
        {other.length > 0 && (
          <Alert color="red" title="Not saved">
            {other.map(([path, message]) => (
              <div key={path}>
                {path}: {String(message)}
              </div>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          {props.onCancel && (
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={mutation.isPending}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
