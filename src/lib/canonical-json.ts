import { createRequire } from 'node:module';

// canonicalize ships CommonJS with an ESM-style declaration; load it the way Node actually exposes it.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

/** RFC 8785 canonical JSON: the same value always gives the same text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('Value cannot be canonicalised as JSON');
  return text;
}
