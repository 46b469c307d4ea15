import { z } from 'zod';
import type { IntegrationKind } from '../integration.js';
import { pushResourceTypes } from './resource-types.js';

const TYPES = Object.keys(pushResourceTypes) as [string, ...string[]];

/**
 * Resources pushed by pipelines (POST /api/integrations/:id/resources with an API token). Nothing to collect:
 * a sync leaves pushed resources as they are.
 */
export const pushIntegration: IntegrationKind<{ resourceTypes: string[] }, Record<string, never>> = {
  kind: 'push',
  title: 'Pushed results',
  description: 'Model evaluations, bias audits, red-team results and logging status sent by pipelines.',
  configSchema: z
    .object({
      /** Which resource types this integration accepts (default: all pushable types). */
      resourceTypes: z
        .array(z.enum(TYPES))
        .min(1)
        .default([...TYPES]),
    })
    .strict(),
  secretsSchema: z.object({}).strict(),
  resourceTypes: pushResourceTypes,
  defaultSchedule: '0 * * * *',
  collect: async () => null,
};
