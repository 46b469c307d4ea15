import { addDays, addMonths } from '../lib/time.js';
import { INPUT_SECTIONS, type InputSectionKey } from '../modules/management-reviews/inputs/sections.js';
import type { OutputCreate } from '../modules/management-reviews/output-schema.js';
import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

const BOARD = ['ceo', 'cto', 'cro', 'aims-admin', 'head-compliance', 'head-internal-audit'];

/** What the board concluded on each input at the last review: short, in the demo organisation's voice. */
const NOTES: Record<InputSectionKey, string> = {
  previous_actions:
    'All actions from the first review are closed; the bias testing rollout took a month longer.',
  context_changes: 'The EU AI Act timeline is now the main external driver; the cloud exit plan is internal.',
  interested_parties:
    'The supervisor asked for explainability of credit decisions; customers want faster answers.',
  nonconformities: 'One major nonconformity on model documentation remains open; root cause agreed.',
  monitoring: 'Most tests pass; two fail on model cards. The monitoring plan was analysed monthly.',
  audit_results: 'The internal audit found documentation gaps; no external audit findings yet.',
  objectives: 'Model card completeness is behind target; incident response time met its target.',
  risks_and_impact: 'Two risks stay above appetite until retraining lands; impact assessments are current.',
  improvement_opportunities:
    'Automating evidence collection would save audit effort; concerns were answered on time.',
};

/**
 * Two completed reviews (about 17 and 5 months ago, so the later one compares with the earlier) and the
 * next one planned in three weeks. Runs after objectives, audits and nonconformities, whose data it compiles.
 */
export async function seedManagementReviews(
  services: Services,
  actor: Actor,
  people: Map<string, string>,
  _systems: Map<string, string>,
  today: string,
): Promise<void> {
  const reviews = services.managementReviews;
  const person = (key: string) => people.get(key) ?? null;
  const attendeeIds = BOARD.map(person).filter((id): id is string => id !== null);
  const chairId = person('ceo');

  async function hold(
    title: string,
    heldOn: string,
    outputs: OutputCreate[],
    notes: Partial<Record<InputSectionKey, string>>,
  ) {
    const review = await reviews.create(actor, {
      title,
      scheduledFor: heldOn,
      chairId,
      attendeeIds,
      location: 'Board room, Amsterdam',
    });
    await reviews.transition(actor, review.id, { to: 'in_progress' });
    for (const output of outputs) await reviews.addOutput(actor, review.id, output);
    await reviews.update(actor, review.id, {
      inputNotes: notes,
      minutes: `## Opening\nThe CEO chaired; the AIMS manager presented the inputs.\n\n## Conclusion\nThe AIMS remains suitable, adequate and effective; actions below were agreed.`,
    });
    return reviews.transition(actor, review.id, { to: 'completed', heldOn });
  }

  const first = await hold(
    'Management review 2025',
    addMonths(today, -17),
    [
      {
        kind: 'resource',
        description: 'Fund a second MLOps engineer for monitoring',
        ownerId: person('cto'),
        dueDate: addMonths(today, -14),
      },
      {
        kind: 'improvement',
        description: 'Roll out bias testing to every credit model',
        ownerId: person('cro'),
        dueDate: addMonths(today, -12),
      },
      { kind: 'decision', description: 'Keep the AI policy unchanged until the EU AI Act guidance is final' },
    ],
    { previous_actions: 'First review: no earlier actions.', monitoring: 'Monitoring was being set up.' },
  );
  for (const output of first.outputs.filter((o) => o.tracked))
    await reviews.updateOutput(actor, first.id, output.id, { status: 'done' });

  const last = await hold(
    'Management review H1',
    addMonths(today, -5),
    [
      {
        kind: 'change',
        description: 'Add explainability tests for credit decisions to the monitoring plan',
        ownerId: person('head-compliance'),
        dueDate: addMonths(today, -3),
      },
      {
        kind: 'improvement',
        description: 'Complete model cards for every deployed model',
        ownerId: person('aims-admin'),
        dueDate: addDays(today, -20),
      },
      {
        kind: 'resource',
        description: 'Budget an external pre-assessment before certification',
        ownerId: person('cro'),
        dueDate: addDays(today, 25),
      },
      {
        kind: 'decision',
        description: 'Update the AI risk appetite statement for generative AI',
        ownerId: person('ceo'),
        dueDate: addDays(today, 60),
      },
    ],
    Object.fromEntries(INPUT_SECTIONS.map((s) => [s.key, NOTES[s.key]])),
  );
  const explainability = last.outputs.find((o) => o.kind === 'change');
  if (explainability) await reviews.updateOutput(actor, last.id, explainability.id, { status: 'done' });

  await reviews.create(actor, {
    title: 'Management review H2',
    scheduledFor: addDays(today, 21),
    chairId,
    attendeeIds,
    location: 'Board room, Amsterdam',
  });
}
