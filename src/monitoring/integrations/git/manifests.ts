import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { npmAiPackage, pythonAiPackage } from './ai-packages.js';

export type ManifestKind = 'package.json' | 'requirements' | 'pyproject' | 'pipfile' | 'conda';

/** Which manifest a file name is, if any (`requirements-dev.txt` and friends count as requirements). */
export function manifestKind(fileName: string): ManifestKind | null {
  if (fileName === 'package.json') return 'package.json';
  if (fileName === 'pyproject.toml') return 'pyproject';
  if (fileName === 'Pipfile') return 'pipfile';
  if (fileName === 'environment.yml' || fileName === 'environment.yaml') return 'conda';
  if (/^requirements.*\.txt$/i.test(fileName)) return 'requirements';
  return null;
}

/**
 * The AI/ML SDKs a manifest declares, sorted and unique. A manifest that does not parse declares none: one
 * broken file should not fail the scan of a whole repository.
 */
export function aiDependenciesOf(kind: ManifestKind, text: string): string[] {
  let names: string[];
  try {
    names = declaredNames(kind, text);
  } catch {
    return [];
  }
  const isAi = kind === 'package.json' ? npmAiPackage : pythonAiPackage;
  return sortedUnique(names.map(isAi).filter((n) => n !== null));
}

function declaredNames(kind: ManifestKind, text: string): string[] {
  switch (kind) {
    case 'package.json':
      return packageJsonNames(JSON.parse(text));
    case 'requirements':
      return requirementsNames(text);
    case 'pyproject':
      return pyprojectNames(parseToml(text));
    case 'pipfile': {
      const pipfile = parseToml(text);
      return [...Object.keys(table(pipfile.packages)), ...Object.keys(table(pipfile['dev-packages']))];
    }
    case 'conda':
      return condaNames(parseYaml(text));
  }
}

function packageJsonNames(json: unknown): string[] {
  const pkg = table(json);
  return ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
    Object.keys(table(pkg[field])),
  );
}

/** Lines of a requirements file; options (`-r other.txt`, `-e`, `--index-url`) are skipped, not followed. */
function requirementsNames(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').replace(/\\$/, ''))
    .filter((line) => !line.trim().startsWith('-'))
    .map(pep508Name)
    .filter((n) => n !== null);
}

/** `[project] dependencies` and optional-dependencies, `[tool.poetry.dependencies]` and poetry groups. */
function pyprojectNames(doc: Record<string, unknown>): string[] {
  const project = table(doc.project);
  const specs = [
    ...strings(project.dependencies),
    ...Object.values(table(project['optional-dependencies'])).flatMap(strings),
  ];
  const poetry = table(table(doc.tool).poetry);
  const poetryTables = [
    poetry.dependencies,
    poetry['dev-dependencies'],
    ...Object.values(table(poetry.group)).map((g) => table(g).dependencies),
  ];
  const poetryNames = poetryTables.flatMap((t) => Object.keys(table(t))).filter((n) => n !== 'python');
  return [...specs.map(pep508Name).filter((n) => n !== null), ...poetryNames];
}

/** Conda specs (`pytorch=2.1`, `conda-forge::xgboost`) and the nested `pip:` list. */
function condaNames(doc: unknown): string[] {
  const names: string[] = [];
  for (const entry of arrayOf(table(doc).dependencies)) {
    if (typeof entry === 'string') {
      const name = pep508Name(entry.replace(/^.*::/, ''));
      if (name) names.push(name);
    } else {
      names.push(
        ...strings(table(entry).pip)
          .map(pep508Name)
          .filter((n) => n !== null),
      );
    }
  }
  return names;
}

/** The distribution name at the start of a PEP 508 requirement (`torch[cuda]>=2; python_version>"3.8"`). */
function pep508Name(spec: string): string | null {
  return /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(spec)?.[1] ?? null;
}

function table(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function strings(value: unknown): string[] {
  return arrayOf(value).filter((v): v is string => typeof v === 'string');
}

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
