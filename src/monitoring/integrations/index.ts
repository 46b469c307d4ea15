import { aimsIntegration } from './aims/index.js';
import { csvIntegration } from './csv/index.js';
import { gitIntegration } from './git/index.js';
import type { IntegrationKind } from './integration.js';
import { prometheusIntegration } from './prometheus/index.js';
import { pushIntegration } from './push/index.js';

export const KIND_NAMES = ['aims', 'git', 'prometheus', 'push', 'csv'] as const;
export type KindName = (typeof KIND_NAMES)[number];

/** Every integration kind, by name. A new connector is one folder plus one line here. */
// biome-ignore lint/suspicious/noExplicitAny: each kind has its own config type; callers validate with its schema
type AnyKind = IntegrationKind<any, any>;
export const INTEGRATION_KINDS: Record<KindName, AnyKind> & Record<string, AnyKind | undefined> = {
  aims: aimsIntegration,
  git: gitIntegration,
  prometheus: prometheusIntegration,
  push: pushIntegration,
  csv: csvIntegration,
};
