import type { z } from 'zod';
import type { Db } from '../../db/database.js';

/** One typed snapshot an integration reports; `attributes` follows the resource type's schema. */
export interface CollectedResource {
  type: string;
  externalId: string;
  name: string;
  attributes: Record<string, unknown>;
}

/** A resource type: its attribute schema (the contract tests are written against) and a complete example. */
export interface ResourceType {
  description: string;
  attributes: z.ZodType<Record<string, unknown>>;
  /** Every attribute set (no nulls where avoidable): used as the base of test fixtures and to type-check CEL. */
  example: Record<string, unknown>;
}

export interface CollectContext<Config, Secrets> {
  config: Config;
  secrets: Secrets;
  db: Db;
  now: Date;
  /** Aborted when the integration's time budget runs out. */
  signal: AbortSignal;
}

/**
 * A connector. Adding one is a folder under integrations/ exporting an object of this shape, registered in
 * integrations/index.ts.
 */
export interface IntegrationKind<Config = unknown, Secrets = unknown> {
  kind: string;
  title: string;
  description: string;
  /** Settings shown back by the API. */
  configSchema: z.ZodType<Config>;
  /** Credentials: stored encrypted, never returned. */
  secretsSchema: z.ZodType<Secrets>;
  resourceTypes: Record<string, ResourceType>;
  /** Cron expression (UTC) used when an integration does not set its own. */
  defaultSchedule: string;
  /**
   * Returns the complete current set of resources; anything previously collected and not returned is gone.
   * Kinds that only receive data (push, csv uploads) return null: a sync then leaves their resources alone.
   */
  collect(context: CollectContext<Config, Secrets>): Promise<CollectedResource[] | null>;
}

/** A collection failure to show as the integration's health (unreachable, refused, bad response). */
export class IntegrationError extends Error {
  override name = 'IntegrationError';
}
