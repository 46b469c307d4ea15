import type { ControlFacts } from '../frameworks/repository.js';

/**
 * A control operates when it is adopted, implemented, owned by an active person and, unless it declares
 * that it produces no evidence, has at least one evidence item that has not expired — and every enabled
 * automated test mapped to it is `ok` (monitoring reaches readiness live).
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
  if (control.testsFailing > 0) {
    const tests =
      control.testsFailing === 1 ? '1 automated test is' : `${control.testsFailing} automated tests are`;
    return { operating: false, reason: `${tests} failing or erroring.` };
  }
  return {
    operating: true,
    reason:
      control.testsOk > 0
        ? 'Implemented, owned, evidenced and its tests pass.'
        : 'Implemented, owned and evidenced.',
  };
}
