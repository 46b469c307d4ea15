import { z } from 'zod';
import { todayIso } from '../../../lib/time.js';
import { readOrganisation } from '../../../modules/organisation/service.js';
import { readMatrixConfig } from '../../../modules/risks/matrix-config.js';
import type { CollectedResource, IntegrationKind } from '../integration.js';
import { collectControls, collectEvidence, collectFrameworks, collectSoa } from './collect-compliance.js';
import { collectContext, collectOrganisation } from './collect-context.js';
import { collectApiTokens, collectPeople } from './collect-people.js';
import { collectAiSystems, collectDatasets, collectRisks, collectVendors } from './collect-registers.js';
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
      ...(await collectPeople(executor)),
      ...(await collectApiTokens(executor)),
      ...(await collectControls(executor, owners, today)),
      ...(await collectEvidence(executor, owners, today)),
      ...(await collectSoa(executor)),
      ...(await collectFrameworks(db, today)),
      ...(await collectContext(executor, owners)),
    ];
    const organisation = await collectOrganisation(
      executor,
      (await readOrganisation(executor)).name,
      collected,
    );
    organisation.attributes.riskAppetiteThreshold = (await readMatrixConfig(executor)).appetiteThreshold;
    return [...collected, organisation];
  },
};
