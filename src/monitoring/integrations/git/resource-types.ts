import { z } from 'zod';
import type { ResourceType } from '../integration.js';

const repository: ResourceType = {
  description: 'A git repository (or plain directory) scanned for ML code and its documentation.',
  attributes: z.object({
    path: z.string(),
    isGit: z.boolean(),
    branch: z.string().nullable(),
    lastCommitAt: z.string().nullable(),
    hasReadme: z.boolean(),
    hasCodeowners: z.boolean(),
    hasLicense: z.boolean(),
    /** Directories holding ML code (see ml-path). */
    mlPathCount: z.number(),
    /** AI/ML SDKs found in manifests (package.json, requirements*.txt, pyproject.toml). */
    aiDependencies: z.array(z.string()),
    hasMlCode: z.boolean(),
    modelCardCount: z.number(),
    datasheetCount: z.number(),
  }),
  example: {
    path: '/srv/repos/credit-ranker',
    isGit: true,
    branch: 'main',
    lastCommitAt: '2026-11-30T17:00:00.000Z',
    hasReadme: true,
    hasCodeowners: true,
    hasLicense: true,
    mlPathCount: 1,
    aiDependencies: ['scikit-learn', 'xgboost'],
    hasMlCode: true,
    modelCardCount: 1,
    datasheetCount: 1,
  },
};

const mlPath: ResourceType = {
  description: 'A directory inside a repository that carries ML code or a model manifest.',
  attributes: z.object({
    repository: z.string(),
    /** Relative to the repository, `/`-separated; `.` for its top directory. */
    path: z.string(),
    /** MODEL_CARD.md / model-card.md / model_card.md (any case) in the directory. */
    hasModelCard: z.boolean(),
    /** DATASHEET.md / DATA_CARD.md / data-card.md (any case) in the directory. */
    hasDatasheet: z.boolean(),
    /**
     * CODEOWNERS gives owners to every file that makes this directory ML-bearing: the last matching rule wins
     * (one for the directory or a parent covers its files) and a rule without owners un-owns.
     */
    codeowned: z.boolean(),
    manifests: z.array(z.string()),
    aiDependencies: z.array(z.string()),
    lastCommitAt: z.string().nullable(),
  }),
  example: {
    repository: '/srv/repos/credit-ranker',
    path: 'models/ranker',
    hasModelCard: true,
    hasDatasheet: true,
    codeowned: true,
    manifests: ['models/ranker/requirements.txt'],
    aiDependencies: ['scikit-learn', 'xgboost'],
    lastCommitAt: '2026-11-30T17:00:00.000Z',
  },
};

export const gitResourceTypes: Record<string, ResourceType> = { repository, 'ml-path': mlPath };
