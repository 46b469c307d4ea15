import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConcernRegister } from '../components/concerns/ConcernRegister.js';
import { MyConcerns } from '../components/concerns/MyConcerns.js';
import { ReportConcernModal } from '../components/concerns/ReportConcernModal.js';
import { usePermissions } from '../hooks/usePermissions.js';

/**
 * Concerns about AI (A.3.3): everyone can report one, under their name or anonymously, and follow their own;
 * readers see the whole register, and the AIMS owner, managers and admins handle them.
 */
export function ConcernsPage() {
  const { canRead } = usePermissions();
  const [params, setParams] = useSearchParams();
  const [reporting, setReporting] = useState(false);
  const view = canRead && params.get('view') !== 'mine' ? 'all' : 'mine';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Concerns</Title>
        <Button onClick={() => setReporting(true)}>Report a concern</Button>
      </Group>
      <Text size="sm" c="dimmed">
        Something about our AI worries you (bias, safety, privacy, misuse)? Report it here. It goes to the
        person accountable for the AI management system, who answers within 14 days.
      </Text>
      {canRead && (
        <SegmentedControl
          aria-label="Which concerns"
          w="max-content"
          value={view}
          onChange={(value) => setParams(value === 'mine' ? { view: 'mine' } : {}, { replace: true })}
          data={[
            { value: 'all', label: 'All concerns' },
            { value: 'mine', label: 'My concerns' },
          ]}
        />
      )}
      {!canRead && <Title order={3}>My concerns</Title>}
      {view === 'all' ? <ConcernRegister /> : <MyConcerns />}
      <ReportConcernModal opened={reporting} onClose={() => setReporting(false)} />
    </Stack>
  );
}
