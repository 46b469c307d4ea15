import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Directories that hold tooling, environments or build output rather than a project's own files. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'dist', 'build']);

/**
 * At most this many files per configured path, walked or listed by git: bounds memory and time on a path that
 * turns out to be a whole disk. Files past the bound are not seen; the shallowest are kept (the walk is
 * breadth-first), as manifests and model cards usually sit near the top.
 */
export const MAX_FILES = 100_000;

/**
 * Files under `root`, relative to it with `/` separators, skipping SKIPPED_DIRS. Symbolic links are not
 * followed (no cycles, no escaping the tree). A subdirectory that vanishes or cannot be read is skipped: one
 * stray unreadable folder should not fail every sync; the root itself is checked by the caller.
 */
export async function walkFiles(root: string, signal: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  const queue = [''];
  for (let i = 0; i < queue.length; i++) {
    signal.throwIfAborted();
    const next = queue[i] as string;
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, next), { withFileTypes: true });
    } catch (error) {
      if (next !== '' && isSkippable(error)) continue;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relative = next === '' ? entry.name : `${next}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) queue.push(relative);
      } else if (entry.isFile()) {
        files.push(relative);
        if (files.length >= MAX_FILES) return files;
      }
    }
  }
  return files;
}

function isSkippable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'ENOENT' || code === 'ENOTDIR';
}
