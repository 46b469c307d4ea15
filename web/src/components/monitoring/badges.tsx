import { Badge } from '@mantine/core';
import dayjs from 'dayjs';
import type { components } from '../../api/schema.js';

type TestStatus = components['schemas']['Test']['status'];
type Severity = components['schemas']['Test']['severity'];
type Health = components['schemas']['Integration']['health']['status'];

export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];
export const TEST_STATUSES: TestStatus[] = [
  'ok',
  'needs_attention',
  'error',
  'disabled',
  'not_applicable',
  'not_run',
];

// Filled badges in shades dark (or, with autoContrast, light) enough for WCAG AA text in both colour schemes.
const STATUS_COLOURS: Record<TestStatus, string> = {
  ok: 'teal.9',
  needs_attention: 'red.9',
  error: 'orange.6',
  disabled: 'gray.7',
  not_applicable: 'gray.7',
  not_run: 'gray.7',
};
export const TEST_STATUS_LABELS: Record<TestStatus, string> = {
  ok: 'OK',
  needs_attention: 'Needs attention',
  error: 'Error',
  disabled: 'Disabled',
  not_applicable: 'Not applicable',
  not_run: 'Not run',
};
export const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: 'red.9',
  high: 'orange.6',
  medium: 'yellow.5',
  low: 'gray.7',
};
const HEALTH: Record<Health, { colour: string; label: string }> = {
  ok: { colour: 'teal.9', label: 'OK' },
  error: { colour: 'red.9', label: 'Error' },
  never_synced: { colour: 'gray.7', label: 'Never synced' },
};

export function TestStatusBadge({ status }: { status: TestStatus }) {
  return (
    <Badge color={STATUS_COLOURS[status]} autoContrast miw="max-content">
      {TEST_STATUS_LABELS[status]}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge color={SEVERITY_COLOURS[severity]} autoContrast miw="max-content">
      {severity}
    </Badge>
  );
}

export function HealthBadge({ status }: { status: Health }) {
  return (
    <Badge color={HEALTH[status].colour} autoContrast miw="max-content">
      {HEALTH[status].label}
    </Badge>
  );
}

/** Timestamps in the viewer's local time, to the minute; dates alone for due dates. */
export const dateTime = (iso: string | null | undefined) =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
export const date = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/** A picked calendar day as the API's date-time: the end of that day locally, so "due on" includes it. */
export const endOfDay = (day: string) => dayjs(day).endOf('day').toISOString();
