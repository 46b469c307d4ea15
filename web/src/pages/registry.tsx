import type { ReactNode } from 'react';
import { AiSystemsPage } from './AiSystemsPage.js';
import { DashboardPage } from './DashboardPage.js';
import { FrameworkPage } from './FrameworkPage.js';
import { RisksPage } from './RisksPage.js';

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
  { path: '/risks', element: <RisksPage />, nav: { label: 'Risks', group: 'Registers' } },
  { path: '/frameworks/:id', element: <FrameworkPage /> },
];
