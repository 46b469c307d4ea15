import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { AccountTab } from '../components/settings/AccountTab.js';
import { MonitoringTab } from '../components/settings/MonitoringTab.js';
import { OrganisationTab } from '../components/settings/OrganisationTab.js';
import { RiskMatrixTab } from '../components/settings/RiskMatrixTab.js';
import { TokensTab } from '../components/settings/TokensTab.js';
import { UsersTab } from '../components/settings/UsersTab.js';
import { WebhooksTab } from '../components/settings/WebhooksTab.js';
import { usePermissions } from '../hooks/usePermissions.js';

interface SettingsTab {
  value: string;
  label: string;
  element: ReactNode;
  visible: boolean;
}

/**
 * Settings, one tab per concern, each shown only to the roles that may use it. The open tab is in the URL;
 * switching tabs drops the previous tab's list state (page, sort, search).
 */
export function SettingsPage() {
  const { isAdmin, canWrite, canRead, canConfigure } = usePermissions();
  const [params, setParams] = useSearchParams();
  const tabs: SettingsTab[] = [
    { value: 'account', label: 'Your account', element: <AccountTab />, visible: true },
    { value: 'users', label: 'Users and roles', element: <UsersTab />, visible: isAdmin },
    { value: 'tokens', label: 'API tokens', element: <TokensTab />, visible: canWrite },
    { value: 'organisation', label: 'Organisation', element: <OrganisationTab />, visible: canRead },
    { value: 'monitoring', label: 'Monitoring', element: <MonitoringTab />, visible: canRead },
    { value: 'risk-matrix', label: 'Risk matrix', element: <RiskMatrixTab />, visible: canRead },
    { value: 'webhooks', label: 'Webhooks', element: <WebhooksTab />, visible: canConfigure },
  ].filter((tab) => tab.visible);
  const requested = params.get('tab');
  const active = tabs.find((tab) => tab.value === requested)?.value ?? 'account';

  return (
    <Stack>
      <Title order={2}>Settings</Title>
      <Tabs
        value={active}
        onChange={(value) => setParams(value && value !== 'account' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="md">
            {tab.element}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
