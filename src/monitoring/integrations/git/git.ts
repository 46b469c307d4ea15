import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { IntegrationError } from '../integration.js';

const run = promisify(execFile);

const GIT = '/usr/bin/git';
const TIMEOUT_MS = 60_000;
/** `ls-files -z` of a 100k-file repository is a few MB; leave plenty of room. */
const MAX_BUFFER = 256 * 1024 * 1024;

interface GitFailure {
  code?: unknown;
  stderr?: unknown;
  name?: unknown;
}

/** Runs git in `cwd`. Resolves to stdout, or null when git exits non-zero; anything else throws. */
async function git(cwd: string, args: string[], signal: AbortSignal): Promise<string | null> {
  try {
    const { stdout } = await run(GIT, args, {
      cwd,
      signal,
      timeout: TIMEOUT_MS,
      maxBuffer: MAX_BUFFER,
      // Stable English messages, and never wait on a credential prompt.
      env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
    return stdout;
  } catch (error) {
    const failure = error as GitFailure;
    if (failure.name === 'AbortError') throw error;
    if (typeof failure.code === 'number') return null;
    throw new IntegrationError(`${cwd}: cannot run git (${(error as Error).message})`);
  }
}

async function gitOrFail(cwd: string, args: string[], signal: AbortSignal): Promise<string> {
  const out = await git(cwd, args, signal);
  if (out === null) throw new IntegrationError(`${cwd}: git ${args[0]} failed`);
  return out;
}

/**
 * Whether `dir` is inside a git work tree. Git refusing a repository it can see (an owner it does not trust,
 * a corrupt `.git`) is an error, not a plain directory: scanning it as one would ignore its .gitignore.
 */
export async function isWorkTree(dir: string, signal: AbortSignal): Promise<boolean> {
  try {
    const { stdout } = await run(GIT, ['rev-parse', '--is-inside-work-tree'], {
      cwd: dir,
      signal,
      timeout: TIMEOUT_MS,
      env: { ...process.env, LC_ALL: 'C' },
    });
    return stdout.trim() === 'true';
  } catch (error) {
    const failure = error as GitFailure;
    if (failure.name === 'AbortError') throw error;
    // Without git installed, only a directory that is visibly a repository needs it.
    if (failure.code === 'ENOENT' && !existsSync(path.join(dir, '.git'))) return false;
    const stderr = String(failure.stderr ?? '');
    if (/not a git repository/i.test(stderr)) return false;
    throw new IntegrationError(`${dir}: git cannot read this repository: ${stderr.trim() || String(error)}`);
  }
}

/** Tracked files plus untracked ones .gitignore does not exclude, relative to `dir`, with `/` separators. */
export async function listFiles(dir: string, signal: AbortSignal): Promise<string[]> {
  const out = await gitOrFail(dir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], signal);
  // A file both staged and modified is listed once per stage only in conflicts; dedupe anyway.
  return [...new Set(out.split('\0').filter((f) => f !== ''))];
}

/** The checked-out branch, or null on a detached HEAD. */
export async function currentBranch(dir: string, signal: AbortSignal): Promise<string | null> {
  const out = await git(dir, ['symbolic-ref', '--short', '-q', 'HEAD'], signal);
  return out?.trim() || null;
}

/**
 * The committer date of the last commit touching `subdir` (the whole tree when omitted), as UTC ISO-8601, or
 * null when there is none (a repository without commits, a directory never committed).
 */
export async function lastCommitAt(
  dir: string,
  signal: AbortSignal,
  subdir?: string,
): Promise<string | null> {
  const args = ['log', '-1', '--format=%cI'];
  if (subdir !== undefined) args.push('--', subdir);
  const out = (await git(dir, args, signal))?.trim();
  return out ? new Date(out).toISOString() : null;
}
