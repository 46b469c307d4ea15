import { readFile, stat } from 'node:fs/promises';
import { IntegrationError } from '../integration.js';

/** Manifests and CODEOWNERS are small; a bigger file of that name is not one worth parsing. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/**
 * The file's text, or null when it has gone since it was listed (a tracked file deleted from the work tree) or
 * is too big to be what its name says.
 */
export async function readSmallText(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size > MAX_TEXT_BYTES) return null;
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return null;
    throw new IntegrationError(`${file}: cannot be read (${String(code ?? error)})`);
  }
}
