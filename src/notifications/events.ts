/** Whether an event ("policy.update") matches a subscription pattern: exact, "policy.*", or "*". */
export function matches(pattern: string, event: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return event.startsWith(pattern.slice(0, -1));
  return pattern === event;
}

/** Backoff before attempt n+1 after n failures: 30 s, 2 min, 8 min… capped at 6 h. */
export function backoffMs(failures: number): number {
  return Math.min(30_000 * 4 ** (failures - 1), 6 * 3_600_000);
}

/** Deliveries still failing after this many attempts are marked failed and left for a person to look at. */
export const MAX_ATTEMPTS = 8;
