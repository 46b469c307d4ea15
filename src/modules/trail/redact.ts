const SECRET_KEYS =
  /^(password|passwordHash|password_hash|token|tokenHash|token_hash|secret|credentials?|apiKey)$/i;

/** Secrets never enter the trail, even if a caller passes a record that still carries one. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET_KEYS.test(key))
        .map(([key, inner]) => [key, redactSecrets(inner)]),
    );
  }
  return value;
}
