import { Alert, Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { CalendarFeed } from '../components/certification/CalendarFeed.js';
import { CalendarList } from '../components/certification/CalendarList.js';
import { CertificateCard } from '../components/certification/CertificateCard.js';
import { ExternalAudits } from '../components/certification/ExternalAudits.js';
import { ReadinessChecklist } from '../components/certification/ReadinessChecklist.js';
import { usePermissions } from '../hooks/usePermissions.js';

const TABS = ['readiness', 'cycle', 'calendar'] as const;

/** Certification: the certificate and its cycle, readiness for the next external audit, and the AIMS calendar. */
export function CertificationPage() {
  const { canRead, role } = usePermissions();
  const [params, setParams] = useSearchParams();
  const active = TABS.find((tab) => tab === params.get('tab')) ?? 'readiness';
  if (!canRead) {
    return (
      <Stack>
        <Title order={2}>Certification</Title>
        <Alert color="gray">Your role ({role}) cannot read the certification records.</Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={2}>Certification</Title>
      <CertificateCard />
      <Tabs
        value={active}
        onChange={(value) =>
          setParams(value && value !== 'readiness' ? { tab: value } : {}, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="readiness">Readiness</Tabs.Tab>
          <Tabs.Tab value="cycle">Cycle</Tabs.Tab>
          <Tabs.Tab value="calendar">Calendar</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="readiness" pt="md">
          <ReadinessChecklist />
        </Tabs.Panel>
        <Tabs.Panel value="cycle" pt="md">
          <ExternalAudits />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <Stack>
            <CalendarFeed />
            <CalendarList />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
