import { describe, expect, it } from 'vitest';
import { expiryOf } from './ExpiryBadge.js';

describe('evidence expiry badge', () => {
  const today = '2026-12-04';
  it.each([
    [null, 'No expiry', false],
    ['2026-12-03', 'Expired', true],
    ['2026-12-04', 'Expires today', false],
    ['2026-12-05', 'Expires in 1 day', false],
    ['2027-01-03', 'Expires in 30 days', false],
    ['2027-01-04', 'Valid', false],
  ])('%s → %s', (validUntil, label, expired) => {
    expect(expiryOf(validUntil, today)).toMatchObject({ label, expired });
  });
});
