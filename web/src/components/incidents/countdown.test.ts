import { describe, expect, it } from 'vitest';
import { countdown } from './incident-fields.js';

describe('countdown', () => {
  it('reads hours under two days, whole days beyond, and says when it is overdue', () => {
    expect(countdown(71.5)).toBe('2 days left');
    expect(countdown(47.9)).toBe('47 h left');
    expect(countdown(0.2)).toBe('1 h left');
    expect(countdown(-30)).toBe('30 h overdue');
    expect(countdown(-240)).toBe('10 days overdue');
  });
});
