import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  seq: number;
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** Each entry hashes its canonical JSON together with the previous entry's hash. */
export function entryHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}
