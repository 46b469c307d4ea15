import { z } from 'zod';

/** A cell that cannot be read as its attribute's type; the caller adds the line, header and value. */
export class InvalidValue extends Error {
  override name = 'InvalidValue';
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'active', 'employed', 'approved']);
const FALSE = new Set(['false', 'no', 'n', '0', 'inactive', 'terminated', 'left', 'unapproved']);

export function parseBoolean(value: string): boolean {
  const word = value.toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  throw new InvalidValue(
    `"${value}" is not a yes/no value; use one of ${[...TRUE].join(', ')} or ${[...FALSE].join(', ')}.`,
  );
}

const email = z.email();

/** Lower-cased: the same person exported as Ada@X and ada@x is one employee. */
export function parseEmail(value: string): string {
  const lower = value.toLowerCase();
  if (!email.safeParse(lower).success) throw new InvalidValue(`"${value}" is not a valid email address.`);
  return lower;
}

// Year first is unambiguous: 2025-03-04, 2025/3/4, 2025-03-04T10:00:00Z, 2025-03-04 10:00:00+02:00, 20250304.
const TIME = String.raw`(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`, 'i');
const BASIC = /^(\d{4})()(\d{2})(\d{2})$/;
// 03/04/2025 is 3 April in Europe and 4 March in the US, so any day/month-first form is refused.
const DAY_OR_MONTH_FIRST = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

/** A calendar date as YYYY-MM-DD; the time part of a timestamp is dropped without shifting time zones. */
export function parseDate(value: string): string {
  if (DAY_OR_MONTH_FIRST.test(value)) {
    throw new InvalidValue(
      `"${value}" is ambiguous (day and month order differ between countries); write dates as YYYY-MM-DD.`,
    );
  }
  const match = YEAR_FIRST.exec(value) ?? BASIC.exec(value);
  if (match === null) throw new InvalidValue(`"${value}" is not a date; write dates as YYYY-MM-DD.`);
  const [year, month, day] = [match[1], match[3], match[4]].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new InvalidValue(`"${value}" is not a calendar date.`);
  }
  return date.toISOString().slice(0, 10);
}
