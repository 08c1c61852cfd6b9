import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './AppLayout.js';
import { NotFoundPage } from './NotFoundPage.js';
import { RequireRole } from './RequireRole.js';
import { RouteErrorPage } from './RouteErrorPage.js';
import { FullPageSpin, RequireSession } from './session.js';
import { HomePage } from './HomePage.js';
import { LoginPage } from '../identity/LoginPage.js';
import type { Role } from '../../domain/identity/roles.js';

/** Each page is its own chunk, loaded when first visited. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const EnterpriseListPage = page(() => import('../enterprises/EnterpriseListPage.js'), 'EnterpriseListPage');
const EnterpriseDetailPage = page(() => import('../enterprises/EnterpriseDetailPage.js'), 'EnterpriseDetailPage');
const EnterpriseFormPage = page(() => import('../enterprises/EnterpriseFormPage.js'), 'EnterpriseFormPage');
const MyEnterprisePage = page(() => import('../enterprises/MyEnterprisePage.js'), 'MyEnterprisePage');
const ThemesPage = page(() => import('../enterprises/ThemesPage.js'), 'ThemesPage');
const DepartmentsPage = page(() => import('../identity/DepartmentsPage.js'), 'DepartmentsPage');
const UsersPage = page(() => import('../identity/UsersPage.js'), 'UsersPage');
const RolesPage = page(() => import('../identity/RolesPage.js'), 'RolesPage');
const ZoneSettingsPage = page(() => import('../zone/ZoneSettingsPage.js'), 'ZoneSettingsPage');
const CalendarPage = page(() => import('../calendar/CalendarPage.js'), 'CalendarPage');
const AuditPage = page(() => import('../audit/AuditPage.js'), 'AuditPage');
const DemandListPage = page(() => import('../demands/DemandListPage.js'), 'DemandListPage');
const DemandQueuePage = page(() => import('../demands/DemandQueuePage.js'), 'DemandQueuePage');
const EscalationsPage = page(() => import('../demands/EscalationsPage.js'), 'EscalationsPage');
const DemandStatsPage = page(() => import('../demands/DemandStatsPage.js'), 'DemandStatsPage');
const MyDemandsPage = page(() => import('../demands/MyDemandsPage.js'), 'MyDemandsPage');
const DemandFormPage = page(() => import('../demands/DemandFormPage.js'), 'DemandFormPage');
const DemandDetailPage = page(() => import('../demands/DemandDetailPage.js'), 'DemandDetailPage');
const CategoriesPage = page(() => import('../demands/CategoriesPage.js'), 'CategoriesPage');
const VisitPlanPage = page(() => import('../visits/VisitPlanPage.js'), 'VisitPlanPage');
const VisitDetailPage = page(() => import('../visits/VisitDetailPage.js'), 'VisitDetailPage');
const VisitBriefPage = page(() => import('../visits/VisitBriefPage.js'), 'VisitBriefPage');
const VisitCompliancePage = page(() => import('../visits/VisitCompliancePage.js'), 'VisitCompliancePage');
const VisitCoveragePage = page(() => import('../visits/VisitCoveragePage.js'), 'VisitCoveragePage');
const VisitCountsPage = page(() => import('../visits/VisitCountsPage.js'), 'VisitCountsPage');
const DashboardPage = page(() => import('../dashboard/DashboardPage.js'), 'DashboardPage');
const LargeScreenPage = page(() => import('../dashboard/LargeScreenPage.js'), 'LargeScreenPage');
const WechatAccountPage = page(() => import('../wechat/WechatAccountPage.js'), 'WechatAccountPage');
const BulletinListPage = page(() => import('../bulletins/BulletinListPage.js'), 'BulletinListPage');
const BulletinPage = page(() => import('../bulletins/BulletinPage.js'), 'BulletinPage');
const PublicBulletinListPage = page(() => import('../bulletins/PublicBulletinListPage.js'), 'PublicBulletinListPage');
const PublicBulletinPage = page(() => import('../bulletins/PublicBulletinPage.js'), 'PublicBulletinPage');
const AssessmentListPage = page(() => import('../cultivation/AssessmentListPage.js'), 'AssessmentListPage');
const AssessmentNewPage = page(() => import('../cultivation/AssessmentNewPage.js'), 'AssessmentNewPage');
const AssessmentPage = page(() => import('../cultivation/AssessmentPage.js'), 'AssessmentPage');
const CultivationRunsPage = page(() => import('../cultivation/CultivationRunsPage.js'), 'CultivationRunsPage');
const CultivationRunPage = page(() => import('../cultivation/CultivationRunPage.js'), 'CultivationRunPage');
const CultivationListsPage = page(() => import('../cultivation/CultivationListsPage.js'), 'CultivationListsPage');
const CultivationListPage = page(() => import('../cultivation/CultivationListPage.js'), 'CultivationListPage');

const admin = (element: ReactNode) => <RequireRole roles={['admin']}>{element}</RequireRole>;
const staff = (element: ReactNode) => <RequireRole staff>{element}</RequireRole>;
const only = (roles: Role[], element: ReactNode) => <RequireRole roles={roles}>{element}</RequireRole>;
const OVERSEERS: Role[] = ['coordinator', 'leader', 'admin'];
/** 梯度培育: the industry officer (and admin) run it; leaders and the coordinator read it (cultivation.policy.ts). */
const CULTIVATION_READERS: Role[] = ['industry', 'admin', 'leader', 'coordinator'];
/** A page drawn outside the app's layout (which holds the Suspense boundary of the others). */
const outside = (element: ReactNode) => <Suspense fallback={<FullPageSpin />}>{element}</Suspense>;

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
    // 月通报 for the public: no login.
    { path: '/public/bulletins', element: outside(<PublicBulletinListPage />), errorElement: <RouteErrorPage /> },
    { path: '/public/bulletins/:id', element: outside(<PublicBulletinPage />), errorElement: <RouteErrorPage /> },
    // 数据大屏: the zone's hall screen, full-window without the menu.
    {
      path: '/screen',
      element: (
        <RequireSession>
          <RequireRole roles={OVERSEERS}>{outside(<LargeScreenPage />)}</RequireRole>
        </RequireSession>
      ),
      errorElement: <RouteErrorPage />,
    },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'enterprises', element: staff(<EnterpriseListPage />) },
            { path: 'enterprises/new', element: staff(<EnterpriseFormPage />) },
            { path: 'enterprises/:id', element: <EnterpriseDetailPage /> },
            { path: 'enterprises/:id/edit', element: <EnterpriseFormPage /> },
            { path: 'my-enterprise', element: <MyEnterprisePage /> },
            { path: 'demands', element: only([...OVERSEERS, 'cadre'], <DemandListPage />) },
            { path: 'demands/queue', element: only(['department'], <DemandQueuePage />) },
            { path: 'demands/escalations', element: only(OVERSEERS, <EscalationsPage />) },
            { path: 'demands/stats', element: only(OVERSEERS, <DemandStatsPage />) },
            { path: 'demands/new', element: only(['enterprise', 'cadre', 'coordinator', 'leader'], <DemandFormPage />) },
            { path: 'demands/:id', element: <DemandDetailPage /> },
            { path: 'my-demands', element: only(['enterprise'], <MyDemandsPage />) },
            { path: 'visits', element: only([...OVERSEERS, 'cadre', 'department'], <VisitPlanPage />) },
            { path: 'visits/compliance', element: only(OVERSEERS, <VisitCompliancePage />) },
            { path: 'visits/coverage', element: only(OVERSEERS, <VisitCoveragePage />) },
            { path: 'visits/counts', element: only(OVERSEERS, <VisitCountsPage />) },
            { path: 'visits/:id', element: only([...OVERSEERS, 'cadre', 'department'], <VisitDetailPage />) },
            { path: 'visits/:id/brief', element: only([...OVERSEERS, 'cadre', 'department'], <VisitBriefPage />) },
            { path: 'dashboard', element: only(OVERSEERS, <DashboardPage />) },
            { path: 'bulletins', element: only(OVERSEERS, <BulletinListPage />) },
            { path: 'bulletins/:id', element: only(OVERSEERS, <BulletinPage />) },
            { path: 'cultivation', element: <Navigate to="/cultivation/assessments" replace /> },
            { path: 'cultivation/assessments', element: only([...CULTIVATION_READERS, 'enterprise'], <AssessmentListPage />) },
            { path: 'cultivation/assessments/new', element: only(['enterprise', 'industry', 'admin'], <AssessmentNewPage />) },
            { path: 'cultivation/assessments/:id', element: only([...CULTIVATION_READERS, 'enterprise'], <AssessmentPage />) },
            { path: 'cultivation/runs', element: only(CULTIVATION_READERS, <CultivationRunsPage />) },
            { path: 'cultivation/runs/:id', element: only(CULTIVATION_READERS, <CultivationRunPage />) },
            { path: 'cultivation/lists', element: only(CULTIVATION_READERS, <CultivationListsPage />) },
            { path: 'cultivation/lists/:id', element: only(CULTIVATION_READERS, <CultivationListPage />) },
            { path: 'admin/wechat', element: only(['admin', 'coordinator'], <WechatAccountPage />) },
            { path: 'admin', element: <Navigate to="/admin/users" replace /> },
            { path: 'admin/departments', element: admin(<DepartmentsPage />) },
            { path: 'admin/users', element: admin(<UsersPage />) },
            { path: 'admin/roles', element: admin(<RolesPage />) },
            { path: 'admin/themes', element: admin(<ThemesPage />) },
            { path: 'admin/zone', element: admin(<ZoneSettingsPage />) },
            { path: 'admin/calendar', element: admin(<CalendarPage />) },
            { path: 'admin/audit', element: admin(<AuditPage />) },
            { path: 'admin/demand-categories', element: only(['admin', 'coordinator'], <CategoriesPage />) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
