import { readBool } from '../../db/dialect.js';
import type { IntegrationsTable } from '../../db/schema.js';
import { INTEGRATION_KINDS } from '../../monitoring/integrations/index.js';
import type { Integration } from './schema.js';

export function presentIntegration(row: IntegrationsTable): Integration {
  const kind = INTEGRATION_KINDS[row.kind];
  return {
    id: row.id,
    kind: row.kind as Integration['kind'],
    name: row.name,
    config: JSON.parse(row.config) as Record<string, unknown>,
    hasSecrets: row.secrets !== null,
    schedule: row.schedule,
    enabled: readBool(row.enabled),
    ownerId: row.owner_id,
    resourceCount: row.resource_count,
    resourceTypes: Object.keys(kind?.resourceTypes ?? {}),
    nextSyncAt: row.next_sync_at,
    health: {
      status: row.last_sync_at === null ? 'never_synced' : row.last_error ? 'error' : 'ok',
      lastSyncAt: row.last_sync_at,
      lastSuccessAt: row.last_success_at,
      lastError: row.last_error,
      lastErrorAt: row.last_error_at,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
