import type { ControlFacts } from '../frameworks/repository.js';

/**
 * A control operates when it is adopted, implemented, owned by an active person and, unless it declares
 * that it produces no evidence, has at least one evidence item that has not expired.
 */
export function operatingState(control: ControlFacts): { operating: boolean; reason: string } {
  if (!control.adopted) return { operating: false, reason: 'Not adopted.' };
  if (control.status !== 'implemented')
    return { operating: false, reason: `Status is ${control.status.replace('_', ' ')}.` };
  if (!control.ownerActive) return { operating: false, reason: 'No active owner.' };
  if (control.evidenceRequired && control.validEvidence === 0) {
    return {
      operating: false,
      reason: control.evidenceCount > 0 ? 'All its evidence has expired.' : 'No evidence attached.',
    };
  }
  return { operating: true, reason: 'Implemented, owned and evidenced.' };
}
