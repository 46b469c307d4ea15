import dayjs from 'dayjs';

export interface Option {
  value: string;
  label: string;
}

/** "in_negotiation" → "In negotiation": enum values read as words in the UI. */
export function humanise(value: string | null | undefined): string {
  if (!value) return '';
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const enumOptions = (values: readonly string[]): Option[] =>
  values.map((value) => ({ value, label: humanise(value) }));

/** Risk-band colours, shared by the heat map and every score badge. */
export const LEVEL_COLOURS: Record<string, string> = {
  low: 'teal',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
