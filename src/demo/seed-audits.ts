import { addDays, addMonths } from '../lib/time.js';
import type { Result } from '../modules/audits/checklist-schema.js';
import type { Actor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

const CLAUSES = ['4', '5', '6', '7', '8', '9', '10'];
const FIRST_ANNEX = ['A.2', 'A.3', 'A.4', 'A.5'];
// A.10 (third parties) is left out of both audits on purpose: the programme's coverage shows the gap.
const SECOND_ANNEX = ['A.6', 'A.7', 'A.8', 'A.9'];

/** What the first audit found, by requirement; every other item conformed. Written in our own words. */
const FINDINGS: Array<[string, Result, string]> = [
  [
    '6.2',
    'major_nc',
    'AI objectives exist for two of the five AI systems in scope, and none has a measure or a date.',
  ],
  [
    '7.2',
    'minor_nc',
    'Two data scientists joined in the spring without the AI risk training their role requires.',
  ],
  [
    '8.4',
    'minor_nc',
    'The impact assessment of the support chatbot was not repeated after its model was replaced.',
  ],
  ['9.1', 'observation', 'Monitoring results are collected but nobody records when they are analysed.'],
  ['A.4.3', 'observation', 'The data resource inventory lists datasets but not where each one is stored.'],
  ['7.5.3', 'opportunity', 'Approved documents could link straight to the evidence they rely on.'],
];

function lookup(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`demo audits: unknown person "${key}"`);
  return id;
}

/** Someone who owns a control in the audit's scope: the demo's independence warning, justified. */
async function conflictedAuditor(services: Services, actor: Actor, refs: string[]) {
  const controls = await services.controls.list(actor, { limit: 500, offset: 0 });
  const owners = [...new Set(controls.items.flatMap((c) => (c.ownerId ? [c.ownerId] : [])))];
  for (const personId of owners) {
    const check = await services.audits.independence(actor, { teamIds: [personId], requirementRefs: refs });
    if (check.warnings.length > 0) return personId;
  }
  return undefined;
}

/**
 * The current cycle's approved programme; one internal audit completed about four months ago over clauses
 * 4-10 and the first Annex A groups, with its findings; and the next one planned in six weeks.
 */
export async function seedAudits(
  services: Services,
  actor: Actor,
  people: Map<string, string>,
  _systems: Map<string, string>,
  today: string,
): Promise<void> {
  const audits = services.audits;
  const lead = lookup(people, 'head-internal-audit');
  const cycleStart = `${addMonths(today, -10).slice(0, 7)}-01`;
  const programme = await audits.programmes.create(actor, {
    name: `AIMS internal audit programme ${cycleStart.slice(0, 4)}-${Number(cycleStart.slice(0, 4)) + 3}`,
    cycleStart,
    objectives:
      'Audit every clause of ISO/IEC 42001 each year and every applicable Annex A control at least once in the certification cycle, starting with the processes that changed most.',
    ownerId: lead,
  });
  await audits.programmes.approve(actor, programme.id);

  const firstRefs = [...CLAUSES, ...FIRST_ANNEX];
  const teamMember = await conflictedAuditor(services, actor, firstRefs);
  const start = addDays(today, -125);
  const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const first = await audits.create(actor, {
    title: 'Annual AIMS audit: clauses 4-10 and Annex A.2-A.5',
    scope: 'The AI management system at head office: AI policy, risk and impact assessment, data resources.',
    criteria: 'ISO/IEC 42001:2023 clauses 4 to 10 and Annex A.2 to A.5; the AI policy; the risk procedure.',
    programmeId: programme.id,
    leadAuditorId: lead,
    teamIds: teamMember ? [teamMember] : [],
    plannedStart: start,
    plannedEnd: addDays(start, 3),
    requirementRefs: firstRefs,
    ...(teamMember
      ? {
          independenceJustification:
            'The second auditor owns controls in scope, so the lead auditor alone assessed those requirements.',
        }
      : {}),
  });
  await audits.start(actor, first.id, at(start, 8));
  const findingOf = new Map(FINDINGS.map(([ref, result, notes]) => [ref, { result, notes }]));
  for (const [index, item] of first.checklist.entries()) {
    const found = findingOf.get(item.ref);
    const day = addDays(start, Math.min(3, Math.floor(index / 20)));
    await audits.updateChecklistItem(
      { ...actor, personId: lead },
      first.id,
      item.id,
      found ?? { result: 'conforming', notes: 'Records sampled and interviews held; no issue found.' },
      at(day, 9 + (index % 8)),
    );
  }
  await audits.complete(
    actor,
    first.id,
    {
      conclusion:
        'The AI management system is established and largely effective. Objectives (6.2) need measures and dates before the certification audit; the minor findings go to corrective action.',
    },
    at(addDays(start, 3), 17),
  );

  const next = addDays(today, 42);
  await audits.create(actor, {
    title: 'Annex A.6-A.9: AI system life cycle, data, information and use',
    scope:
      'Development and operation of the AI systems in scope, their data and the information given to users.',
    criteria: 'ISO/IEC 42001:2023 Annex A.6 to A.9 as kept by the Statement of Applicability.',
    programmeId: programme.id,
    leadAuditorId: lead,
    plannedStart: next,
    plannedEnd: addDays(next, 2),
    requirementRefs: SECOND_ANNEX,
  });
}
