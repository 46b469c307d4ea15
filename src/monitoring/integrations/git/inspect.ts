import path from 'node:path';
import { CODEOWNERS_LOCATIONS, type Codeowners, isOwned, parseCodeowners } from './codeowners.js';
import { lastCommitAt } from './git.js';
import { aiDependenciesOf, manifestKind, sortedUnique } from './manifests.js';
import { isDatasheet, isLicense, isModelArtifact, isModelCard, isNotebook, isReadme } from './ml-files.js';
import { readSmallText } from './read-text.js';
import type { TreeScan } from './scan.js';

/** Attributes of the `ml-path` resource type. */
export interface MlPathAttributes {
  repository: string;
  path: string;
  hasModelCard: boolean;
  hasDatasheet: boolean;
  codeowned: boolean;
  manifests: string[];
  aiDependencies: string[];
  lastCommitAt: string | null;
}

/** Attributes of the `repository` resource type. */
export interface RepositoryAttributes {
  path: string;
  isGit: boolean;
  branch: string | null;
  lastCommitAt: string | null;
  hasReadme: boolean;
  hasCodeowners: boolean;
  hasLicense: boolean;
  mlPathCount: number;
  aiDependencies: string[];
  hasMlCode: boolean;
  modelCardCount: number;
  datasheetCount: number;
}

/** Finds the ML-bearing directories of a scanned tree and describes the tree as a repository. */
export async function inspectTree(
  scan: TreeScan,
  signal: AbortSignal,
): Promise<{ repository: RepositoryAttributes; mlPaths: MlPathAttributes[] }> {
  const codeowners = await readCodeowners(scan);
  const mlPaths: MlPathAttributes[] = [];
  for (const [dir, names] of filesByDirectory(scan.files)) {
    signal.throwIfAborted();
    const mlPath = await inspectDirectory(scan, codeowners, dir, names);
    if (mlPath) mlPaths.push(mlPath);
  }
  if (scan.isGit) {
    for (const mlPath of mlPaths) mlPath.lastCommitAt = await lastCommitAt(scan.path, signal, mlPath.path);
  }
  const rootNames = scan.files.filter((f) => !f.includes('/'));
  const names = scan.files.map((f) => path.posix.basename(f));
  return {
    repository: {
      path: scan.path,
      isGit: scan.isGit,
      branch: scan.branch,
      lastCommitAt: scan.lastCommitAt,
      hasReadme: rootNames.some(isReadme),
      hasCodeowners: (codeowners?.rules.length ?? 0) > 0,
      hasLicense: rootNames.some(isLicense),
      mlPathCount: mlPaths.length,
      aiDependencies: sortedUnique(mlPaths.flatMap((p) => p.aiDependencies)),
      hasMlCode: mlPaths.length > 0,
      modelCardCount: names.filter(isModelCard).length,
      datasheetCount: names.filter(isDatasheet).length,
    },
    mlPaths,
  };
}

/**
 * A directory is ML-bearing when it holds a manifest declaring an AI/ML SDK, a notebook, a model artifact or a
 * model card. It is codeowned when every one of those files has owners (a rule for the directory, a parent or
 * the files themselves), so a later rule without owners for, say, `*.ipynb` un-owns it.
 */
async function inspectDirectory(
  scan: TreeScan,
  codeowners: Codeowners | null,
  dir: string,
  names: string[],
): Promise<MlPathAttributes | null> {
  const repoPath = (name: string) => (dir === '.' ? name : `${dir}/${name}`);
  const manifests: string[] = [];
  const evidence: string[] = [];
  const dependencies: string[] = [];
  for (const name of names) {
    const kind = manifestKind(name);
    if (kind) {
      manifests.push(repoPath(name));
      const text = await readSmallText(path.join(scan.path, repoPath(name)));
      const found = text === null ? [] : aiDependenciesOf(kind, text);
      dependencies.push(...found);
      if (found.length > 0) evidence.push(repoPath(name));
    } else if (isNotebook(name) || isModelArtifact(name) || isModelCard(name)) {
      evidence.push(repoPath(name));
    }
  }
  if (evidence.length === 0) return null;
  return {
    repository: scan.path,
    path: dir,
    hasModelCard: names.some(isModelCard),
    hasDatasheet: names.some(isDatasheet),
    codeowned: codeowners !== null && evidence.every((file) => isOwned(codeowners, file)),
    manifests: manifests.sort(),
    aiDependencies: sortedUnique(dependencies),
    lastCommitAt: null,
  };
}

/** File names grouped by directory (`.` for the top), directories in sorted order. */
function filesByDirectory(files: string[]): Map<string, string[]> {
  const byDir = new Map<string, string[]>();
  for (const file of [...files].sort()) {
    const dir = path.posix.dirname(file);
    const names = byDir.get(dir) ?? [];
    names.push(path.posix.basename(file));
    byDir.set(dir, names);
  }
  return new Map([...byDir].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The first CODEOWNERS file in GitHub's lookup order, or null without one. */
async function readCodeowners(scan: TreeScan): Promise<Codeowners | null> {
  const listed = new Set(scan.files);
  for (const location of CODEOWNERS_LOCATIONS) {
    if (!listed.has(location)) continue;
    const text = await readSmallText(path.join(scan.path, location));
    if (text !== null) return parseCodeowners(text);
  }
  return null;
}
