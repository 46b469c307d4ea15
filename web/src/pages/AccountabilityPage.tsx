import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { OrphansTab } from '../components/accountability/OrphansTab.js';
import { RolesTab } from '../components/accountability/RolesTab.js';

const TABS = ['roles', 'orphans'] as const;

/**
 * Roles and accountability (clause 5.3, A.3.2): the AIMS roles with their RACI, and the records whose owner
 * has left. The open tab is in the URL; switching tabs drops the other tab's list state.
 */
export function AccountabilityPage() {
  const [params, setParams] = useSearchParams();
  const active = TABS.find((tab) => tab === params.get('tab')) ?? 'roles';
  return (
    <Stack>
      <Title order={2}>Roles and accountability</Title>
      <Text c="dimmed" size="sm">
        Who is responsible, accountable, consulted and informed for the AI management system, and which
        records still belong to people who have left.
      </Text>
      <Tabs
        value={active}
        onChange={(value) => setParams(value && value !== 'roles' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="roles">AIMS roles</Tabs.Tab>
          <Tabs.Tab value="orphans">Orphaned records</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="roles" pt="md">
          <RolesTab />
        </Tabs.Panel>
        <Tabs.Panel value="orphans" pt="md">
          <OrphansTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
