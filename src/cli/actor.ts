import { userInfo } from 'node:os';
import { type Actor, systemActor } from '../modules/shared/actor.js';

/** CLI commands act with full rights: whoever can run them can already read the data directory. */
export function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the label stays generic.
  }
  return systemActor(`cli (${user})`);
}
