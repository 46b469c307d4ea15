import type { components } from '../../api/schema.js';
import { enumOptions } from '../registers/labels.js';

export type Concern = components['schemas']['Concern'];

export const CONCERN_CATEGORIES = [
  'bias',
  'safety',
  'privacy',
  'transparency',
  'misuse',
  'performance',
  'other',
] as const;
export const CONCERN_STATUSES = ['open', 'in_progress', 'closed'] as const;
export const CATEGORY_OPTIONS = enumOptions(CONCERN_CATEGORIES);
export const STATUS_OPTIONS = enumOptions(CONCERN_STATUSES);

export const STATUS_COLOURS: Record<string, string> = {
  open: 'blue',
  in_progress: 'yellow',
  closed: 'teal',
};

/** The first line of a description, short enough for a table cell. */
export function summary(text: string, length = 90): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
