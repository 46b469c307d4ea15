import { addDays, addMonths } from '../../lib/time.js';
import type { ExternalAuditKind } from './schema.js';

/** A certificate is valid for three years from the certification decision. */
export const CYCLE_MONTHS = 36;
const AUDIT_DAYS = 2;

export function defaultExpiry(issuedOn: string): string {
  return addDays(addMonths(issuedOn, CYCLE_MONTHS), -1);
}

/**
 * The external audits after certification: surveillance inside each of the first two years (planned a month
 * before the anniversary, so a slip cannot cross it) and recertification three months before expiry, leaving
 * the body time to decide before the certificate lapses.
 */
export function standardCycle(
  issuedOn: string,
  expiresOn: string,
): Array<{ kind: ExternalAuditKind; plannedStart: string; plannedEnd: string }> {
  const audit = (kind: ExternalAuditKind, start: string) => ({
    kind,
    plannedStart: start,
    plannedEnd: addDays(start, AUDIT_DAYS - 1),
  });
  return [
    audit('surveillance1', addMonths(issuedOn, 11)),
    audit('surveillance2', addMonths(issuedOn, 23)),
    audit('recertification', addMonths(expiresOn, -3)),
  ];
}
