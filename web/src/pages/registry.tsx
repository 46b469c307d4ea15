import { type ComponentType, lazy, type ReactNode } from 'react';
import { DashboardPage } from './DashboardPage.js';

/** A page loaded on first visit, so the first screen downloads only the shell and the dashboard. */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AccountabilityPage = page(() => import('./AccountabilityPage.js'), 'AccountabilityPage');
const AiSystemDetailPage = page(() => import('./AiSystemDetailPage.js'), 'AiSystemDetailPage');
const AiSystemsPage = page(() => import('./AiSystemsPage.js'), 'AiSystemsPage');
const ConcernsPage = page(() => import('./ConcernsPage.js'), 'ConcernsPage');
const ControlsPage = page(() => import('./ControlsPage.js'), 'ControlsPage');
const DatasetsPage = page(() => import('./DatasetsPage.js'), 'DatasetsPage');
const EvidencePage = page(() => import('./EvidencePage.js'), 'EvidencePage');
const FrameworkPage = page(() => import('./FrameworkPage.js'), 'FrameworkPage');
const ChangeRequestsPage = page(() => import('./ChangeRequestsPage.js'), 'ChangeRequestsPage');
const ImpactAssessmentPage = page(() => import('./ImpactAssessmentPage.js'), 'ImpactAssessmentPage');
const ImpactAssessmentsPage = page(() => import('./ImpactAssessmentsPage.js'), 'ImpactAssessmentsPage');
const IncidentDetailPage = page(() => import('./IncidentDetailPage.js'), 'IncidentDetailPage');
const IncidentsPage = page(() => import('./IncidentsPage.js'), 'IncidentsPage');
const InboxPage = page(() => import('./InboxPage.js'), 'InboxPage');
const PoliciesPage = page(() => import('./PoliciesPage.js'), 'PoliciesPage');
const PolicyDetailPage = page(() => import('./PolicyDetailPage.js'), 'PolicyDetailPage');
const IntegrationsPage = page(() => import('./IntegrationsPage.js'), 'IntegrationsPage');
const IssuesPage = page(() => import('./IssuesPage.js'), 'IssuesPage');
const PeoplePage = page(() => import('./PeoplePage.js'), 'PeoplePage');
const RisksPage = page(() => import('./RisksPage.js'), 'RisksPage');
const ScopePage = page(() => import('./ScopePage.js'), 'ScopePage');
const SettingsPage = page(() => import('./SettingsPage.js'), 'SettingsPage');
const SoaPage = page(() => import('./SoaPage.js'), 'SoaPage');
const TestDetailPage = page(() => import('./TestDetailPage.js'), 'TestDetailPage');
const TestsPage = page(() => import('./TestsPage.js'), 'TestsPage');
const TrailPage = page(() => import('./TrailPage.js'), 'TrailPage');
const TrainingPage = page(() => import('./TrainingPage.js'), 'TrainingPage');
const VendorsPage = page(() => import('./VendorsPage.js'), 'VendorsPage');
const ObjectivesPage = page(() => import('./ObjectivesPage.js'), 'ObjectivesPage');
const MonitoringPlanPage = page(() => import('./MonitoringPlanPage.js'), 'MonitoringPlanPage');
const AuditsPage = page(() => import('./AuditsPage.js'), 'AuditsPage');
const AuditDetailPage = page(() => import('./AuditDetailPage.js'), 'AuditDetailPage');
const NonconformitiesPage = page(() => import('./NonconformitiesPage.js'), 'NonconformitiesPage');
const NonconformityDetailPage = page(() => import('./NonconformityDetailPage.js'), 'NonconformityDetailPage');
const CorrectiveActionPlanPage = page(
  () => import('./CorrectiveActionPlanPage.js'),
  'CorrectiveActionPlanPage',
);
const ManagementReviewsPage = page(() => import('./ManagementReviewsPage.js'), 'ManagementReviewsPage');
const ManagementReviewPage = page(() => import('./ManagementReviewPage.js'), 'ManagementReviewPage');
const CertificationPage = page(() => import('./CertificationPage.js'), 'CertificationPage');

export type NavGroup =
  | 'Overview'
  | 'Registers'
  | 'Governance'
  | 'Compliance'
  | 'Check and act'
  | 'Monitoring'
  | 'Administration';
export const NAV_GROUPS: NavGroup[] = [
  'Overview',
  'Registers',
  'Governance',
  'Compliance',
  'Check and act',
  'Monitoring',
  'Administration',
];

/** Who may open a page: `read` is every role that reads the registers (all but members). */
export type PageAccess = 'any' | 'read';

export interface PageEntry {
  path: string;
  element: ReactNode;
  /** Pages with a nav entry appear in the side bar under their group, in this file's order. */
  nav?: { label: string; group: NavGroup };
  /** Defaults to `read`; a page others may not open is neither routed nor listed for them. */
  access?: PageAccess;
}

export function canOpen(page: PageEntry, permissions: { canRead: boolean }): boolean {
  return (page.access ?? 'read') === 'any' || permissions.canRead;
}

/**
 * Every page of the application. Adding a register page is one import and one entry here: the router and
 * the navigation both read this list.
 */
export const PAGES: PageEntry[] = [
  { path: '/', element: <DashboardPage />, nav: { label: 'Dashboard', group: 'Overview' } },
  { path: '/inbox', element: <InboxPage />, nav: { label: 'My inbox', group: 'Overview' }, access: 'any' },
  {
    path: '/policies',
    element: <PoliciesPage />,
    nav: { label: 'Policies', group: 'Governance' },
    access: 'any',
  },
  { path: '/policies/:id', element: <PolicyDetailPage />, access: 'any' },
  {
    path: '/impact-assessments',
    element: <ImpactAssessmentsPage />,
    nav: { label: 'Impact assessments', group: 'Governance' },
  },
  { path: '/impact-assessments/:id', element: <ImpactAssessmentPage /> },
  {
    path: '/change-requests',
    element: <ChangeRequestsPage />,
    nav: { label: 'Change requests', group: 'Governance' },
  },
  { path: '/incidents', element: <IncidentsPage />, nav: { label: 'AI incidents', group: 'Governance' } },
  { path: '/incidents/:id', element: <IncidentDetailPage /> },
  { path: '/ai-systems', element: <AiSystemsPage />, nav: { label: 'AI systems', group: 'Registers' } },
  { path: '/ai-systems/:id', element: <AiSystemDetailPage /> },
  { path: '/risks', element: <RisksPage />, nav: { label: 'Risks', group: 'Registers' } },
  { path: '/vendors', element: <VendorsPage />, nav: { label: 'Vendors', group: 'Registers' } },
  { path: '/datasets', element: <DatasetsPage />, nav: { label: 'Datasets', group: 'Registers' } },
  { path: '/people', element: <PeoplePage />, nav: { label: 'People', group: 'Registers' } },
  {
    path: '/accountability',
    element: <AccountabilityPage />,
    nav: { label: 'Roles and accountability', group: 'Governance' },
  },
  {
    path: '/concerns',
    element: <ConcernsPage />,
    nav: { label: 'Concerns', group: 'Governance' },
    access: 'any',
  },
  {
    path: '/training',
    element: <TrainingPage />,
    nav: { label: 'Training', group: 'Governance' },
    access: 'any',
  },
  { path: '/frameworks/:id', element: <FrameworkPage /> },
  { path: '/scope', element: <ScopePage />, nav: { label: 'Scope and context', group: 'Compliance' } },
  { path: '/controls', element: <ControlsPage />, nav: { label: 'Controls', group: 'Compliance' } },
  { path: '/evidence', element: <EvidencePage />, nav: { label: 'Evidence', group: 'Compliance' } },
  {
    path: '/soa',
    element: <SoaPage />,
    nav: { label: 'Statement of Applicability', group: 'Compliance' },
  },
  { path: '/objectives', element: <ObjectivesPage />, nav: { label: 'Objectives', group: 'Check and act' } },
  {
    path: '/monitoring-plan',
    element: <MonitoringPlanPage />,
    nav: { label: 'Monitoring plan', group: 'Check and act' },
  },
  { path: '/audits', element: <AuditsPage />, nav: { label: 'Internal audits', group: 'Check and act' } },
  { path: '/audits/:id', element: <AuditDetailPage /> },
  {
    path: '/nonconformities',
    element: <NonconformitiesPage />,
    nav: { label: 'Nonconformities', group: 'Check and act' },
  },
  { path: '/nonconformities/:id', element: <NonconformityDetailPage /> },
  {
    path: '/corrective-action-plan',
    element: <CorrectiveActionPlanPage />,
    nav: { label: 'Corrective action plan', group: 'Check and act' },
  },
  {
    path: '/management-reviews',
    element: <ManagementReviewsPage />,
    nav: { label: 'Management reviews', group: 'Check and act' },
  },
  { path: '/management-reviews/:id', element: <ManagementReviewPage /> },
  {
    path: '/certification',
    element: <CertificationPage />,
    nav: { label: 'Certification', group: 'Check and act' },
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
  {
    path: '/settings',
    element: <SettingsPage />,
    nav: { label: 'Settings', group: 'Administration' },
    access: 'any',
  },
];
