import { loadImpactTemplates } from '../content/impact-templates.js';
import { addDays } from '../lib/time.js';
import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

/** The answers a demo system gets: the first option of each choice raised where the system is sensitive. */
function answersFor(overrides: Record<string, string>): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const q of loadImpactTemplates()[0]?.sections.flatMap((s) => s.questions) ?? [])
    if (q.required)
      answers[q.id] = q.options
        ? (q.options[0]?.value ?? '')
        : 'Covered in the assessment workshop; see the system file.';
  return { ...answers, ...overrides };
}

/**
 * Approved assessments for three systems (one then asked to re-assess after a material change), one in
 * draft, and change requests waiting for sign-off or still drafted, so every state shows.
 */
export async function seedImpactAssessments(
  services: Services,
  approver: Actor,
  submitter: Actor,
  systems: Map<string, string>,
  today: string,
) {
  const system = (key: string) => {
    const id = systems.get(key);
    if (!id) throw new Error(`demo impact assessments: unknown AI system "${key}"`);
    return id;
  };
  const approve = async (key: string, overrides: Record<string, string>) => {
    const draft = await services.impactAssessments.create(submitter, { aiSystemId: system(key) });
    await services.impactAssessments.update(submitter, draft.id, { answers: answersFor(overrides) });
    await services.impactAssessments.transition(submitter, draft.id, { to: 'in_review' });
    return services.impactAssessments.transition(approver, draft.id, { to: 'approved' });
  };
  await approve('credit-scoring', {
    purpose_decision_domain: 'essential_access',
    purpose_autonomy: 'assisted',
  });
  await approve('support-assistant', {});
  await approve('radiology-triage', { safety_physical_harm: 'possible_serious' });
  await services.impactAssessments.requireReassessment(approver, system('radiology-triage'), {
    reason: 'Material change: the triage model was retrained on a new hospital’s images.',
    dueOn: addDays(today, 14),
    sourceType: 'change_request',
  });
  await services.impactAssessments.create(submitter, { aiSystemId: system('card-fraud') });
  // A retraining waiting for its sign-offs, and a drafted new intended use.
  const retraining = await services.changeRequests.create(submitter, {
    aiSystemId: system('credit-scoring'),
    type: 'model_retraining',
    title: 'Quarterly retraining on Q3 applications',
    description:
      'Retrain the gradient-boosted scorer on applications up to 30 September; same features and thresholds.',
  });
  await services.changeRequests.submit(submitter, retraining.id);
  await services.changeRequests.create(submitter, {
    aiSystemId: system('card-fraud'),
    type: 'new_intended_use',
    title: 'Score instant payments as well as card payments',
  });
}
