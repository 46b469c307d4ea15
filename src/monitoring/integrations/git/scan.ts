import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import ignore from 'ignore';
import { IntegrationError } from '../integration.js';
import { currentBranch, isWorkTree, lastCommitAt, listFiles } from './git.js';
import { MAX_FILES, walkFiles } from './walk.js';

export interface TreeScan {
  path: string;
  isGit: boolean;
  branch: string | null;
  lastCommitAt: string | null;
  /** Relative to `path`, `/`-separated, without ignored files; at most MAX_FILES. */
  files: string[];
}

/**
 * Lists a configured path: through git for a work tree (so .gitignore applies), by walking it otherwise.
 * A missing or unreadable path throws rather than being skipped: a sync that returned nothing for it would
 * read as the repository (and every ML path in it) having been deleted.
 */
export async function scanTree(
  dir: string,
  ignorePatterns: string[],
  signal: AbortSignal,
): Promise<TreeScan> {
  await assertReadableDirectory(dir);
  const isGit = await isWorkTree(dir, signal);
  const listed = isGit ? shallowestFirst(await listFiles(dir, signal)) : await walkFiles(dir, signal);
  const ignored = ignore().add(ignorePatterns);
  return {
    path: dir,
    isGit,
    branch: isGit ? await currentBranch(dir, signal) : null,
    lastCommitAt: isGit ? await lastCommitAt(dir, signal) : null,
    files: listed.filter((file) => !ignored.ignores(file)),
  };
}

/** Keeps the same part of an oversized tree as the walk does: the files nearest the top. */
function shallowestFirst(files: string[]): string[] {
  if (files.length <= MAX_FILES) return files;
  const depth = (file: string) => file.split('/').length;
  return [...files].sort((a, b) => depth(a) - depth(b)).slice(0, MAX_FILES);
}

async function assertReadableDirectory(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new IntegrationError(`${dir}: not a directory`);
    await access(dir, constants.R_OK | constants.X_OK);
  } catch (error) {
    if (error instanceof IntegrationError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason = code === 'ENOENT' ? 'does not exist' : `cannot be read (${String(code ?? error)})`;
    throw new IntegrationError(`${dir}: ${reason}`);
  }
}
