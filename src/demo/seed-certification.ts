import { addDays, addMonths } from '../lib/time.js';
import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

/**
 * Certified ten months ago after stage 1 and stage 2, so the first surveillance audit is a month away and
 * the readiness checklist has something to say about it.
 */
export async function seedCertification(
  services: Services,
  actor: Actor,
  _people: Map<string, string>,
  _systems: Map<string, string>,
  today: string,
): Promise<void> {
  const issuedOn = addMonths(today, -10);
  const certification = services.certification;
  await certification.save(actor, {
    frameworkId: 'iso-42001-2023',
    body: 'Northbridge Certification Services',
    certificateNumber: 'AIMS-2026-0117',
    scope:
      'Development, deployment and operation of AI systems for credit decisions, fraud detection, customer service, medical imaging triage and recruitment screening at Northwind.',
    issuedOn,
  });
  const completed = (kind: 'stage1' | 'stage2', start: string, result: string) =>
    certification.addExternalAudit(actor, {
      kind,
      plannedStart: start,
      plannedEnd: addDays(start, kind === 'stage1' ? 1 : 3),
      status: 'completed',
      leadAuditor: 'Dr. Hannah Becker',
      result,
    });
  await completed(
    'stage1',
    addMonths(issuedOn, -3),
    'Documentation ready for stage 2; two areas of concern: impact assessment coverage and audit programme scope.',
  );
  await completed(
    'stage2',
    addMonths(issuedOn, -1),
    'Recommended for certification. One minor nonconformity (supplier monitoring evidence), closed before the decision.',
  );
}
