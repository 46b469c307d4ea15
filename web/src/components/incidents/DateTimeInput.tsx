import { TextInput } from '@mantine/core';
import dayjs from 'dayjs';

/** ISO instant ↔ the browser's local "YYYY-MM-DDTHH:mm", as a native date-time input understands it. */
export const toLocalInput = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DDTHH:mm') : '';
export const fromLocalInput = (value: string) => (value ? dayjs(value).toISOString() : undefined);

/** A date and time in local time, sent to the API as an ISO instant. */
export function DateTimeInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
  /** Moments that already happened (detection, notification) cannot be in the future. */
  past?: boolean;
  required?: boolean;
}) {
  return (
    <TextInput
      type="datetime-local"
      label={props.label}
      description={props.description}
      value={props.value}
      error={props.error}
      max={props.past ? dayjs().format('YYYY-MM-DDTHH:mm') : undefined}
      withAsterisk={props.required}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
