import { z } from 'zod';
import { todayIso } from '../../../lib/time.js';
import { aimsOwnerAccountable } from '../../../modules/aims-roles/repository.js';
import { countOverdueConcerns } from '../../../modules/concerns/repository.js';
import { readOrganisation } from '../../../modules/organisation/service.js';
import { countOrphanedRecords } from '../../../modules/orphans/repository.js';
import { readMatrixConfig } from '../../../modules/risks/matrix-config.js';
import type { CollectedResource, IntegrationKind } from '../integration.js';
import { addChangeFacts } from './collect-changes.js';
import { checkActFacts, collectNonconformities, collectObjectives } from './collect-check-act.js';
import { collectControls, collectEvidence, collectFrameworks, collectSoa } from './collect-compliance.js';
import { collectContext, collectOrganisation } from './collect-context.js';
import { addImpactFacts } from './collect-impact.js';
import { collectIncidents, incidentFacts } from './collect-incidents.js';
import { collectApiTokens, collectPeople } from './collect-people.js';
import { collectPolicies, policyFacts } from './collect-policies.js';
import { collectAiSystems, collectDatasets, collectRisks, collectVendors } from './collect-registers.js';
import { collectCourses } from './collect-training.js';
import { loadLinks, loadOwners } from './links.js';
import { aimsResourceTypes } from './resource-types.js';

/**
 * Governance as data: the organisation's own records as resources. Besides its schedule it is re-collected
 * whenever the trail shows a change, and only resources whose attributes changed are re-evaluated.
 */
export const aimsIntegration: IntegrationKind<Record<string, never>, Record<string, never>> = {
  kind: 'aims',
  title: 'OpenAIMS records',
  description: 'AI systems, datasets, vendors, risks, people, controls, evidence, SoA, scope and context.',
  configSchema: z.object({}).strict(),
  secretsSchema: z.object({}).strict(),
  resourceTypes: aimsResourceTypes,
  defaultSchedule: '*/15 * * * *',
  async collect({ db, now }) {
    const executor = db.kysely;
    const today = todayIso(now);
    const [owners, links] = await Promise.all([loadOwners(executor), loadLinks(executor)]);
    const collected: CollectedResource[] = [
      ...(await collectAiSystems(executor, owners, links)),
      ...(await collectDatasets(executor, owners, links)),
      ...(await collectVendors(executor, owners, links, today)),
      ...(await collectRisks(executor, owners, links)),
      ...(await collectPeople(executor, today)),
      ...(await collectCourses(executor, today)),
      ...(await collectApiTokens(executor)),
      ...(await collectPolicies(executor, today)),
      ...(await collectIncidents(executor, now)),
      ...(await collectControls(executor, owners, today)),
      ...(await collectEvidence(executor, owners, today)),
      ...(await collectSoa(executor)),
      ...(await collectFrameworks(db, today)),
      ...(await collectContext(executor, owners)),
      ...(await collectObjectives(executor)),
      ...(await collectNonconformities(executor, today, now)),
    ];
    await addImpactFacts(executor, collected, today);
    await addChangeFacts(executor, collected);
    const organisation = await collectOrganisation(
      executor,
      (await readOrganisation(executor)).name,
      collected,
    );
    organisation.attributes.riskAppetiteThreshold = (await readMatrixConfig(executor)).appetiteThreshold;
    Object.assign(organisation.attributes, policyFacts(collected.filter((r) => r.type === 'policy')));
    Object.assign(organisation.attributes, incidentFacts(collected, now));
    organisation.attributes.orphanedRecords = await countOrphanedRecords(executor, db.dialect);
    organisation.attributes.concernsOverdue = await countOverdueConcerns(executor, today);
    organisation.attributes.aimsOwnerAssigned = (await aimsOwnerAccountable(executor, db.dialect)) !== null;
    Object.assign(organisation.attributes, await checkActFacts(executor, today));
    return [...collected, organisation];
  },
};
