import { aimsResourceTypes } from './integrations/aims/resource-types.js';
import { csvResourceTypes } from './integrations/csv/resource-types.js';
import { gitResourceTypes } from './integrations/git/resource-types.js';
import type { ResourceType } from './integrations/integration.js';
import { prometheusResourceTypes } from './integrations/prometheus/resource-types.js';
import { pushResourceTypes } from './integrations/push/resource-types.js';

/** Every resource type an integration can produce, by kebab-case name. */
export const RESOURCE_TYPES: Record<string, ResourceType> = {
  ...aimsResourceTypes,
  ...gitResourceTypes,
  ...prometheusResourceTypes,
  ...pushResourceTypes,
  ...csvResourceTypes,
};

/** What a CEL condition sees: the attributes plus id (the external id), name and type. */
export function celResource(resource: {
  type: string;
  externalId: string;
  name: string;
  attributes: Record<string, unknown>;
}): Record<string, unknown> {
  return { ...resource.attributes, id: resource.externalId, name: resource.name, type: resource.type };
}

/** The example a condition is type-checked against; unknown (custom pushed) types have none. */
export function exampleResource(type: string): Record<string, unknown> | undefined {
  const known = RESOURCE_TYPES[type];
  return known
    ? celResource({ type, externalId: 'example', name: 'Example', attributes: known.example })
    : undefined;
}
