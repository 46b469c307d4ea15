import dayjs from 'dayjs';

export const formatTime = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');

/** A moment shown in local time on one line, machine-readable in the markup; a dash when there is none. */
export function Timestamp({ value, empty = '—' }: { value: string | null | undefined; empty?: string }) {
  if (!value) return <>{empty}</>;
  return (
    <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
      {formatTime(value)}
    </time>
  );
}
