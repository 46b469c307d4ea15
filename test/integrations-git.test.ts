import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitConfig, gitIntegration } from '../src/monitoring/integrations/git/index.js';
import { gitResourceTypes } from '../src/monitoring/integrations/git/resource-types.js';
import { type CollectedResource, IntegrationError } from '../src/monitoring/integrations/integration.js';

let root: string;
let repo: string;
let plain: string;

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

function git(cwd: string, args: string[], date?: string): void {
  const identity = [
    '-c',
    'user.name=Test',
    '-c',
    'user.email=test@example.com',
    '-c',
    'commit.gpgsign=false',
  ];
  const env = date ? { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : process.env;
  execFileSync('/usr/bin/git', [...identity, ...args], { cwd, env, stdio: 'ignore' });
}

function collect(config: GitConfig, signal = new AbortController().signal) {
  return gitIntegration.collect({ config, secrets: {}, db: undefined as never, now: new Date(), signal });
}

/** Parses every resource with its type's schema and checks it carries exactly the example's attributes. */
function validated(resources: CollectedResource[] | null): Map<string, CollectedResource> {
  expect(resources).not.toBeNull();
  for (const resource of resources ?? []) {
    const type = gitResourceTypes[resource.type];
    expect(type, resource.type).toBeDefined();
    type?.attributes.parse(resource.attributes);
    expect(Object.keys(resource.attributes).sort()).toEqual(Object.keys(type?.example ?? {}).sort());
  }
  return new Map((resources ?? []).map((r) => [r.externalId, r]));
}

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'openaims-git-'));
  repo = path.join(root, 'credit-ranker');
  plain = path.join(root, 'exports');
  mkdirSync(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  writeFiles(repo, {
    'README.md': '# Credit ranker\n',
    LICENSE: 'Apache-2.0\n',
    '.gitignore': 'scratch/\n*.onnx\n',
    '.github/CODEOWNERS': [
      '# ML owners',
      '/models/ @ml-team',
      '/models/ranker/legacy/',
      '*.ipynb @data-science',
      '',
    ].join('\n'),
    'models/ranker/requirements.txt': [
      '# training',
      'torch==2.3.0 ; python_version >= "3.10"',
      'scikit_learn[alldeps]>=1.4  # normalised to scikit-learn',
      'numpy',
      '-r base.txt',
      '',
    ].join('\n'),
    'models/ranker/Model_Card.md': '# Model card\n',
    'models/ranker/DATASHEET.md': '# Datasheet\n',
    'models/ranker/train.py': 'import torch\n',
    'models/ranker/weights.onnx': 'ignored by .gitignore',
    'models/ranker/legacy/model.pkl': 'pickle',
    'services/scorer/pyproject.toml': [
      '[project]',
      'name = "scorer"',
      'dependencies = ["anthropic>=0.30", "httpx"]',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'xgboost = "^2.0"',
      'fastapi = "*"',
      '[tool.poetry.group.dev.dependencies]',
      'pytest = "*"',
      '',
    ].join('\n'),
    'notebooks/explore.ipynb': '{"cells": []}',
    'data/DATA_CARD.md': '# Data card\n',
    'web/package.json': JSON.stringify({ dependencies: { react: '^19.0.0' } }),
    'vendor/lib/requirements.txt': 'tensorflow\n',
    'scratch/requirements.txt': 'tensorflow\n',
    'scratch/MODEL_CARD.md': '# ignored\n',
  });
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'first'], '2026-01-02T03:04:05+01:00');
  writeFiles(repo, {
    'apps/chat/package.json': JSON.stringify({
      dependencies: { openai: '^4.0.0', express: '^5.0.0' },
      devDependencies: { '@langchain/core': '^0.3.0' },
    }),
  });
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'chat'], '2026-02-03T10:00:00Z');

  writeFiles(plain, {
    'model.gguf': 'weights',
    'train/environment.yml': [
      'channels: [conda-forge]',
      'dependencies:',
      '  - python=3.11',
      '  - conda-forge::pytorch=2.1',
      '  - pip:',
      '      - transformers>=4.40',
      '',
    ].join('\n'),
    'svc/Pipfile': '[packages]\nopenai = "*"\nrequests = "*"\n[dev-packages]\npytest = "*"\n',
    '.venv/lib/requirements.txt': 'torch\n',
    'node_modules/openai/package.json': JSON.stringify({ dependencies: { openai: '1' } }),
  });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('git integration', () => {
  it('describes a git repository and each ML-bearing directory in it', async () => {
    const byId = validated(await collect({ paths: [repo], ignore: ['vendor/'] }));
    expect([...byId.keys()].sort()).toEqual(
      [
        repo,
        `${repo}:apps/chat`,
        `${repo}:models/ranker`,
        `${repo}:models/ranker/legacy`,
        `${repo}:notebooks`,
        `${repo}:services/scorer`,
      ].sort(),
    );
    expect(byId.get(repo)).toMatchObject({ type: 'repository', name: 'credit-ranker' });
    expect(byId.get(repo)?.attributes).toEqual({
      path: repo,
      isGit: true,
      branch: 'main',
      lastCommitAt: '2026-02-03T10:00:00.000Z',
      hasReadme: true,
      hasCodeowners: true,
      hasLicense: true,
      mlPathCount: 5,
      aiDependencies: ['@langchain/core', 'anthropic', 'openai', 'scikit-learn', 'torch', 'xgboost'],
      hasMlCode: true,
      modelCardCount: 1,
      datasheetCount: 2,
    });
    expect(byId.get(`${repo}:models/ranker`)).toMatchObject({
      type: 'ml-path',
      name: 'credit-ranker/models/ranker',
      attributes: {
        repository: repo,
        path: 'models/ranker',
        hasModelCard: true,
        hasDatasheet: true,
        codeowned: true,
        manifests: ['models/ranker/requirements.txt'],
        aiDependencies: ['scikit-learn', 'torch'],
        lastCommitAt: '2026-01-02T02:04:05.000Z',
      },
    });
    expect(byId.get(`${repo}:apps/chat`)?.attributes).toMatchObject({
      hasModelCard: false,
      hasDatasheet: false,
      codeowned: false,
      manifests: ['apps/chat/package.json'],
      aiDependencies: ['@langchain/core', 'openai'],
      lastCommitAt: '2026-02-03T10:00:00.000Z',
    });
    expect(byId.get(`${repo}:services/scorer`)?.attributes).toMatchObject({
      manifests: ['services/scorer/pyproject.toml'],
      aiDependencies: ['anthropic', 'xgboost'],
      codeowned: false,
    });
    // A notebook alone makes an ML path; `*.ipynb @data-science` owns it.
    expect(byId.get(`${repo}:notebooks`)?.attributes).toMatchObject({
      manifests: [],
      aiDependencies: [],
      hasModelCard: false,
      codeowned: true,
    });
    // The last matching rule wins, and it names no owner.
    expect(byId.get(`${repo}:models/ranker/legacy`)?.attributes).toMatchObject({ codeowned: false });
  });

  it('walks a plain directory, skipping environments and dependencies', async () => {
    const byId = validated(await collect({ paths: [plain] }));
    expect([...byId.keys()].sort()).toEqual([plain, `${plain}:.`, `${plain}:svc`, `${plain}:train`].sort());
    expect(byId.get(plain)?.attributes).toEqual({
      path: plain,
      isGit: false,
      branch: null,
      lastCommitAt: null,
      hasReadme: false,
      hasCodeowners: false,
      hasLicense: false,
      mlPathCount: 3,
      aiDependencies: ['openai', 'pytorch', 'transformers'],
      hasMlCode: true,
      modelCardCount: 0,
      datasheetCount: 0,
    });
    expect(byId.get(`${plain}:.`)).toMatchObject({
      name: 'exports',
      attributes: { path: '.', manifests: [], codeowned: false, lastCommitAt: null },
    });
    expect(byId.get(`${plain}:train`)?.attributes).toMatchObject({
      manifests: ['train/environment.yml'],
      aiDependencies: ['pytorch', 'transformers'],
    });
    expect(byId.get(`${plain}:svc`)?.attributes).toMatchObject({
      manifests: ['svc/Pipfile'],
      aiDependencies: ['openai'],
    });
  });

  it('fails the whole collection, naming the path, when a path does not exist', async () => {
    const missing = path.join(root, 'gone');
    const result = collect({ paths: [repo, missing] });
    await expect(result).rejects.toBeInstanceOf(IntegrationError);
    await expect(result).rejects.toThrow(`${missing}: does not exist`);
  });

  it('stops when its time budget runs out', async () => {
    await expect(collect({ paths: [plain] }, AbortSignal.abort())).rejects.toThrow();
  });

  it('validates its configuration with messages naming the problem', () => {
    const { configSchema, secretsSchema } = gitIntegration;
    expect(configSchema.safeParse({ paths: [repo], ignore: ['*.tmp'] }).success).toBe(true);
    const message = (input: unknown) => configSchema.safeParse(input).error?.issues[0]?.message;
    expect(message({ paths: ['relative/repo'] })).toMatch(/absolute path/);
    expect(message({ paths: [] })).toMatch(/at least one path/);
    expect(message({ paths: Array.from({ length: 51 }, (_, i) => `/srv/r${i}`) })).toMatch(/at most 50/);
    expect(message({ paths: ['/srv/a', '/srv/a/'] })).toMatch(/must differ/);
    expect(configSchema.safeParse({ paths: [repo], token: 'x' }).success).toBe(false);
    expect(secretsSchema.safeParse({}).success).toBe(true);
    expect(secretsSchema.safeParse({ token: 'x' }).success).toBe(false);
    expect(gitIntegration).toMatchObject({ kind: 'git', defaultSchedule: '0 * * * *' });
  });
});
