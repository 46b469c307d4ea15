import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ContextIssuesTab } from '../components/settings/ContextIssuesTab.js';
import { InterestedPartiesTab } from '../components/settings/InterestedPartiesTab.js';
import { ScopeStatement } from '../components/settings/ScopeStatement.js';
import { usePermissions } from '../hooks/usePermissions.js';

const TABS = ['statement', 'issues', 'parties'] as const;

/**
 * Scope and context (ISO/IEC 42001 clause 4): the versioned scope statement, context issues and interested
 * parties, one tab each, the open tab and its list state in the URL.
 */
export function ScopePage() {
  const { canRead, role } = usePermissions();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active = TABS.find((tab) => tab === requested) ?? 'statement';
  if (!canRead) {
    return (
      <Stack>
        <Title order={2}>Scope and context</Title>
        <Alert color="gray">Your role ({role}) cannot read the scope and context.</Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2}>Scope and context</Title>
      <Tabs
        value={active}
        onChange={(value) =>
          setParams(value && value !== 'statement' ? { tab: value } : {}, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="statement">Scope statement</Tabs.Tab>
          <Tabs.Tab value="issues">Context issues</Tabs.Tab>
          <Tabs.Tab value="parties">Interested parties</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="statement" pt="md">
          <ScopeStatement />
        </Tabs.Panel>
        <Tabs.Panel value="issues" pt="md">
          <ContextIssuesTab />
        </Tabs.Panel>
        <Tabs.Panel value="parties" pt="md">
          <InterestedPartiesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
