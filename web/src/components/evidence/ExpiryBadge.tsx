import { Badge } from '@mantine/core';
import dayjs from 'dayjs';

/** How close an evidence item is to going stale: the API treats it as expired from the day after validUntil. */
export function expiryOf(validUntil: string | null, today = dayjs().format('YYYY-MM-DD')) {
  if (!validUntil) return { label: 'No expiry', color: 'gray.7', expired: false };
  const days = dayjs(validUntil).diff(dayjs(today), 'day');
  if (days < 0) return { label: 'Expired', color: 'red.9', expired: true };
  if (days === 0) return { label: 'Expires today', color: 'yellow.4', expired: false };
  if (days <= 30)
    return { label: `Expires in ${days} day${days === 1 ? '' : 's'}`, color: 'yellow.4', expired: false };
  return { label: 'Valid', color: 'teal.9', expired: false };
}

export function ExpiryBadge({ validUntil }: { validUntil: string | null }) {
  const expiry = expiryOf(validUntil);
  return (
    <Badge
      color={expiry.color}
      autoContrast
      miw="max-content"
      title={validUntil ? `Valid until ${validUntil}` : undefined}
    >
      {expiry.label}
    </Badge>
  );
}
