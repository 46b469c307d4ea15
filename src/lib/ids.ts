import { createHash } from 'node:crypto';
import { v7 as uuidv7, validate, version } from 'uuid';

export function newId(): string {
  return uuidv7();
}

/** A UUIDv7 derived from a stable key, so a seeded record gets the same id on every install. */
export function stableId(key: string, msecs: number): string {
  const random = createHash('sha256').update(key).digest().subarray(0, 16);
  return uuidv7({ msecs, random: Uint8Array.from(random) });
}

export function isUuid(value: string): boolean {
  return validate(value) && version(value) === 7;
}
