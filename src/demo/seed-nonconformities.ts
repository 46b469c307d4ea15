import { addDays } from '../lib/time.js';
import { incidentListQuery } from '../modules/incidents/schema.js';
import { issueListQuery } from '../modules/issues/schema.js';
import type { ActionCreate } from '../modules/nonconformities/action-schema.js';
import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

/**
 * Nonconformities in every state, so the register, the plan and the inbox have something to show: the audit's
 * findings (one closed after an effective check), the serious credit incident (verifying), a failing test's
 * issue (open), and one raised by hand with an overdue action. Investments make the plan's totals real.
 */
export async function seedNonconformities(
  services: Services,
  actor: Actor,
  people: Map<string, string>,
  _systems: Map<string, string>,
  today: string,
): Promise<void> {
  const s = services.nonconformities;
  const person = (key: string) => people.get(key) ?? null;
  const act = (input: ActionCreate) => s.actions.create(actor, input);
  const finish = (id: string, completionNotes: string) =>
    s.actions.update(actor, id, { status: 'done', completionNotes });

  // Closed: raised from the first audit finding if the audit has one, else by hand.
  const [firstFinding, ...otherFindings] = await s.unraisedFindings(actor);
  const closed = await s.create(actor, {
    title: 'Impact assessment not repeated after the credit model was retrained',
    source: firstFinding ? 'audit_finding' : 'manual',
    sourceId: firstFinding?.id ?? null,
    grade: 'minor',
    ownerId: person('head-model-risk'),
    raisedOn: addDays(today, -75),
    containment: 'Froze further retraining until the assessment was brought up to date.',
    correction: 'Repeated the impact assessment for the retrained model.',
    rootCauseWhys: [
      { question: 'Why was the assessment not repeated?', answer: 'Nobody was told the model had changed.' },
      { question: 'Why was nobody told?', answer: 'Retraining is not a change request today.' },
    ],
    rootCause: 'Retraining was not treated as a change that triggers reassessment.',
  });
  const trigger = await act({
    nonconformityId: closed.id,
    title: 'Make retraining a change request that triggers reassessment',
    ownerId: person('mlops-engineer'),
    dueDate: addDays(today, -40),
    investment: 3500,
    investmentNote: 'Pipeline change, five engineer days',
  });
  await finish(
    trigger.id,
    'Retraining jobs now open a change request; the template asks for the assessment.',
  );
  const check = await s.planCheck(actor, closed.id, {
    plannedFor: addDays(today, -10),
    checkerId: person('head-compliance'),
  });
  const checkId = check.effectivenessChecks[0]?.id ?? '';
  await s.recordCheck(actor, closed.id, checkId, {
    result: 'effective',
    notes: 'Two retrainings since; both came with a repeated assessment.',
  });
  await s.update(actor, closed.id, { status: 'closed' });

  for (const finding of otherFindings)
    await s.create(actor, {
      title: `Audit finding: ${finding.description.slice(0, 120)}`,
      source: 'audit_finding',
      sourceId: finding.id,
      ownerId: person('head-compliance'),
      raisedOn: addDays(today, -20),
    });

  // Verifying: the serious credit incident, its actions done, the check still ahead.
  const [incident] = (
    await services.incidents.list(actor, incidentListQuery.parse({ q: 'Credit model declined', limit: 1 }))
  ).items;
  if (incident) {
    const fromIncident = await s.create(actor, {
      title: 'Age bias in credit decisions reached applicants',
      source: 'incident',
      sourceId: incident.id,
      grade: 'major',
      requirementId: 'iso-42001-2023:8.2',
      ownerId: person('lead-ds-credit'),
      raisedOn: addDays(today, -50),
      containment: 'Declines for applicants over 60 were routed to manual review.',
      rootCause: 'Fairness tests ran on the validation set only, which under-represented older applicants.',
    });
    for (const [title, investment, notes] of [
      ['Add age-stratified fairness tests to the release gate', 8000, 'Gate live since last release.'],
      ['Rebalance the validation set', 2500, 'Validation set rebalanced and documented.'],
    ] as const) {
      const action = await act({
        nonconformityId: fromIncident.id,
        title,
        ownerId: person('lead-ds-credit'),
        dueDate: addDays(today, -15),
        investment,
      });
      await finish(action.id, notes);
    }
    await s.planCheck(actor, fromIncident.id, {
      plannedFor: addDays(today, 7),
      checkerId: person('head-model-risk'),
    });
  }

  // Open: a failing monitoring test's issue, cause not yet known.
  const [issue] = (await services.issues.list(actor, issueListQuery.parse({ status: 'open', limit: 1 })))
    .items;
  if (issue)
    await s.create(actor, {
      title: `Control failing in monitoring: ${issue.title}`.slice(0, 200),
      source: 'test',
      sourceId: issue.id,
      ownerId: person('head-platform'),
      raisedOn: addDays(today, -3),
      containment: 'Owner informed; issue under investigation.',
    });

  // Action planned, with an overdue action.
  const manual = await s.create(actor, {
    title: 'AI supplier contracts lack incident notification clauses',
    source: 'manual',
    grade: 'minor',
    requirementId: 'iso-42001-2023:8.1',
    ownerId: person('general-counsel'),
    raisedOn: addDays(today, -30),
    rootCause: 'The contract template predates the AI policy.',
  });
  await act({
    nonconformityId: manual.id,
    title: 'Add AI incident clauses to the supplier contract template',
    ownerId: person('general-counsel'),
    dueDate: addDays(today, -5),
    status: 'in_progress',
    progress: 60,
    investment: 1800,
    investmentNote: 'External counsel review',
  });
  await act({
    nonconformityId: manual.id,
    title: 'Amend the three active AI supplier contracts',
    ownerId: person('general-counsel'),
    dueDate: addDays(today, 30),
    investment: 1200,
  });
  // An open incident's corrective action: the plan lists incidents beside nonconformities.
  const [openIncident] = (
    await services.incidents.list(actor, incidentListQuery.parse({ open: 'true', limit: 1 }))
  ).items;
  if (openIncident)
    await act({
      incidentId: openIncident.id,
      title: 'Add tenant isolation tests to the assistant’s release checks',
      ownerId: person('ai-security-architect'),
      dueDate: addDays(today, 10),
      status: 'in_progress',
      progress: 30,
      investment: 4200,
      investmentNote: 'Test harness and two sprints',
    });
  await act({
    title: 'Automate the model inventory export for the management review',
    kind: 'improvement',
    ownerId: person('mlops-engineer'),
    dueDate: addDays(today, 45),
  });
}
