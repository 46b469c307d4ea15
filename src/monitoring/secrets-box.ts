import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Integration credentials are sealed with a key derived from the server secret: a database dump alone
// does not reveal them. Format: v1.<iv>.<tag>.<ciphertext>, base64url.
const INFO = 'openaims/integration-secrets/v1';

function keyFrom(secret: string): Buffer {
  if (!secret) throw new Error('The server secret is needed to read or store integration credentials.');
  return Buffer.from(hkdfSync('sha256', secret, 'openaims', INFO, 32));
}

export function seal(value: unknown, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function open(sealed: string, secret: string): unknown {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined)
    throw new Error('Stored credentials are not readable.');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return JSON.parse(
      Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8'),
    );
  } catch {
    throw new Error('Stored credentials cannot be decrypted with this server secret.');
  }
}
