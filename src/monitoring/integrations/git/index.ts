import path from 'node:path';
import type { CollectedResource, IntegrationKind } from '../integration.js';
import { type GitConfig, type GitSecrets, gitConfigSchema, gitSecretsSchema } from './config.js';
import { inspectTree } from './inspect.js';
import { gitResourceTypes } from './resource-types.js';
import { scanTree } from './scan.js';

export type { GitConfig, GitSecrets } from './config.js';

export const gitIntegration: IntegrationKind<GitConfig, GitSecrets> = {
  kind: 'git',
  title: 'Git repositories',
  description:
    'Scans local git work trees or directories for ML code (AI SDK dependencies, notebooks, model files) and ' +
    'its documentation: model cards, datasheets, CODEOWNERS, README and licence.',
  configSchema: gitConfigSchema,
  secretsSchema: gitSecretsSchema,
  resourceTypes: gitResourceTypes,
  defaultSchedule: '0 * * * *',
  async collect({ config, signal }) {
    const resources: CollectedResource[] = [];
    // One path at a time: each runs git and reads files, and the machine is shared with the server.
    for (const configured of config.paths) {
      const repoPath = path.resolve(configured);
      const scan = await scanTree(repoPath, config.ignore ?? [], signal);
      const { repository, mlPaths } = await inspectTree(scan, signal);
      const repoName = path.basename(repoPath) || repoPath;
      resources.push({
        type: 'repository',
        externalId: repoPath,
        name: repoName,
        attributes: { ...repository },
      });
      for (const mlPath of mlPaths) {
        resources.push({
          type: 'ml-path',
          externalId: `${repoPath}:${mlPath.path}`,
          name: mlPath.path === '.' ? repoName : `${repoName}/${mlPath.path}`,
          attributes: { ...mlPath },
        });
      }
    }
    return resources;
  },
};
