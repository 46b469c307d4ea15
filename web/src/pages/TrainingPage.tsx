import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { AssignmentDrawer } from '../components/training/AssignmentDrawer.js';
import { AssignmentsTab } from '../components/training/AssignmentsTab.js';
import { CoursesTab } from '../components/training/CoursesTab.js';
import { MyTraining } from '../components/training/MyTraining.js';
import { usePermissions } from '../hooks/usePermissions.js';

const TABS: Array<{ value: string; label: string; element: ReactNode }> = [
  { value: 'courses', label: 'Courses', element: <CoursesTab /> },
  { value: 'assignments', label: 'Assignments', element: <AssignmentsTab /> },
  { value: 'mine', label: 'My training', element: <MyTraining /> },
];

/**
 * Training and awareness (ISO/IEC 42001 7.2, 7.3). Readers manage courses and follow every assignment;
 * members see only their own training. `?assignment=<id>` (the inbox's link) opens one assignment.
 */
export function TrainingPage() {
  const { canRead } = usePermissions();
  const [params, setParams] = useSearchParams();
  if (!canRead) {
    return (
      <Stack>
        <Title order={2}>My training</Title>
        <MyTraining />
        <AssignmentDrawer />
      </Stack>
    );
  }
  const active = TABS.find((tab) => tab.value === params.get('tab'))?.value ?? 'courses';
  return (
    <Stack>
      <Title order={2}>Training</Title>
      <Tabs
        value={active}
        // Each tab keeps its own list state in the URL; switching starts the new tab afresh.
        onChange={(value) => setParams(value && value !== 'courses' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="md">
            {tab.element}
          </Tabs.Panel>
        ))}
      </Tabs>
      <AssignmentDrawer />
    </Stack>
  );
}
