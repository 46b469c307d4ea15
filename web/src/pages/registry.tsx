import type { ReactNode } from 'react';
import { AiSystemDetailPage } from './AiSystemDetailPage.js';
import { AiSystemsPage } from './AiSystemsPage.js';
import { ControlsPage } from './ControlsPage.js';
import { DashboardPage } from './DashboardPage.js';
import { DatasetsPage } from './DatasetsPage.js';
import { EvidencePage } from './EvidencePage.js';
import { FrameworkPage } from './FrameworkPage.js';
import { IntegrationsPage } from './IntegrationsPage.js';
import { IssuesPage } from './IssuesPage.js';
import { PeoplePage } from './PeoplePage.js';
import { RisksPage } from './RisksPage.js';
import { ScopePage } from './ScopePage.js';
import { SettingsPage } from './SettingsPage.js';
import { SoaPage } from './SoaPage.js';
import { TestDetailPage } from './TestDetailPage.js';
import { TestsPage } from './TestsPage.js';
import { TrailPage } from './TrailPage.js';
import { VendorsPage } from './VendorsPage.js';

export type NavGroup = 'Overview' | 'Registers' | 'Compliance' | 'Monitoring' | 'Administration';
export const NAV_GROUPS: NavGroup[] = ['Overview', 'Registers', 'Compliance', 'Monitoring', 'Administration'];

export interface PageEntry {
  path: string;
  element: ReactNode;
  /** Pages with a nav entry appear in the side bar under their group, in this file's order. */
  nav?: { label: string; group: NavGroup };
}

/**
 * Every page of the application. Adding a register page is one import and one entry here: the router and
 * the navigation both read this list.
 */
export const PAGES: PageEntry[] = [
  { path: '/', element: <DashboardPage />, nav: { label: 'Dashboard', group: 'Overview' } },
  { path: '/ai-systems', element: <AiSystemsPage />, nav: { label: 'AI systems', group: 'Registers' } },
  { path: '/ai-systems/:id', element: <AiSystemDetailPage /> },
  { path: '/risks', element: <RisksPage />, nav: { label: 'Risks', group: 'Registers' } },
  { path: '/vendors', element: <VendorsPage />, nav: { label: 'Vendors', group: 'Registers' } },
  { path: '/datasets', element: <DatasetsPage />, nav: { label: 'Datasets', group: 'Registers' } },
  { path: '/people', element: <PeoplePage />, nav: { label: 'People', group: 'Registers' } },
  { path: '/frameworks/:id', element: <FrameworkPage /> },
  { path: '/scope', element: <ScopePage />, nav: { label: 'Scope and context', group: 'Compliance' } },
  { path: '/controls', element: <ControlsPage />, nav: { label: 'Controls', group: 'Compliance' } },
  { path: '/evidence', element: <EvidencePage />, nav: { label: 'Evidence', group: 'Compliance' } },
  {
    path: '/soa',
    element: <SoaPage />,
    nav: { label: 'Statement of Applicability', group: 'Compliance' },
  },
  { path: '/tests', element: <TestsPage />, nav: { label: 'Tests', group: 'Monitoring' } },
  { path: '/tests/:id', element: <TestDetailPage /> },
  { path: '/issues', element: <IssuesPage />, nav: { label: 'Issues', group: 'Monitoring' } },
  {
    path: '/integrations',
    element: <IntegrationsPage />,
    nav: { label: 'Integrations', group: 'Monitoring' },
  },
  { path: '/trail', element: <TrailPage />, nav: { label: 'Audit trail', group: 'Administration' } },
  { path: '/settings', element: <SettingsPage />, nav: { label: 'Settings', group: 'Administration' } },
];
