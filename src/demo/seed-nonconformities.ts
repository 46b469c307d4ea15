import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

// Placeholder while the module is being built.
export async function seedNonconformities(
  _services: Services,
  _actor: Actor,
  _people: Map<string, string>,
  _systems: Map<string, string>,
  _today: string,
): Promise<void> {}
