import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAction, RequirePortal, RequireStaff } from '../auth/guards.tsx';
import { homeOf, useMe } from '../auth/me.ts';
import { NotFound } from '../components/NotFound.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { PublicShell } from '../components/PublicShell.tsx';
import { AuditPage } from '../features/audit/AuditPage.tsx';
import { AcceptInvitationPage } from '../features/auth/AcceptInvitationPage.tsx';
import { AccountPage } from '../features/auth/AccountPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { CasePage } from '../features/commission/CasePage.tsx';
import { CommissionListPage } from '../features/commission/CommissionListPage.tsx';
import { AcpPrintPage } from '../features/home/AcpPrintPage.tsx';
import { BereavementPage } from '../features/home/BereavementPage.tsx';
import { SupportInboxPage } from '../features/home/SupportInboxPage.tsx';
import { PublicRequestPage } from '../features/intake/PublicRequestPage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { PatientPage } from '../features/patients/PatientPage.tsx';
import { PatientsPage } from '../features/patients/PatientsPage.tsx';
import { PhoneRequestPage } from '../features/queue/PhoneRequestPage.tsx';
import { QueuePage } from '../features/queue/QueuePage.tsx';
import { RequestPage } from '../features/queue/RequestPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { StaffPage } from '../features/staff/StaffPage.tsx';
import { PortalHome } from '../portal/PortalHome.tsx';
import { PortalLayout } from '../portal/PortalLayout.tsx';
import { PortalPatientPage } from '../portal/PortalPatientPage.tsx';
import { WorkspaceHome } from '../workspace/WorkspaceHome.tsx';
import { WorkspaceLayout } from '../workspace/WorkspaceLayout.tsx';

/** `/` sends a logged-in user to their home and a visitor to the public request form. */
function Root() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  return <Navigate to={me.data ? homeOf(me.data) : '/request'} replace />;
}

export const router = createBrowserRouter([
  { path: '/', element: <Root /> },
  { path: '/request', element: <PublicRequestPage /> },
  { path: '/login', element: <LoginPage /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
  {
    path: '/app',
    element: <RequireStaff />,
    children: [
      {
        element: <WorkspaceLayout />,
        children: [
          { index: true, element: <WorkspaceHome /> },
          {
            element: <RequireAction action="intake:read" />,
            children: [
              { path: 'requests', element: <QueuePage /> },
              { path: 'requests/:requestId', element: <RequestPage /> },
            ],
          },
          {
            element: <RequireAction action="intake:handle" />,
            children: [{ path: 'requests/new', element: <PhoneRequestPage /> }],
          },
          {
            element: <RequireAction action="commission:read" />,
            children: [
              { path: 'commission', element: <CommissionListPage /> },
              { path: 'commission/:caseId', element: <CasePage /> },
            ],
          },
          {
            element: <RequireAction action="patient:list" />,
            children: [
              { path: 'patients', element: <PatientsPage /> },
              { path: 'patients/:patientId', element: <PatientPage /> },
            ],
          },
          {
            element: <RequireAction action="support:read" />,
            children: [{ path: 'support', element: <SupportInboxPage /> }],
          },
          {
            element: <RequireAction action="bereavement:read" />,
            children: [{ path: 'bereavement', element: <BereavementPage /> }],
          },
          {
            element: <RequireAction action="staff:read" />,
            children: [{ path: 'staff', element: <StaffPage /> }],
          },
          {
            element: <RequireAction action="settings:manage" />,
            children: [{ path: 'settings', element: <SettingsPage /> }],
          },
          {
            element: <RequireAction action="audit:read" />,
            children: [{ path: 'audit', element: <AuditPage /> }],
          },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFound homeTo="/app" /> },
        ],
      },
    ],
  },
  {
    // printed outside the workspace frame so the page holds the summary only
    path: '/print/patients/:patientId/acp',
    element: <RequireStaff />,
    children: [{ index: true, element: <AcpPrintPage /> }],
  },
  {
    path: '/portal',
    element: <RequirePortal />,
    children: [
      {
        element: <PortalLayout />,
        children: [
          { index: true, element: <PortalHome /> },
          { path: 'patients/:patientId', element: <PortalPatientPage /> },
          { path: 'account', element: <AccountPage size="lg" /> },
          { path: '*', element: <NotFound homeTo="/portal" /> },
        ],
      },
    ],
  },
  {
    path: '*',
    element: (
      <PublicShell>
        <NotFound />
      </PublicShell>
    ),
  },
]);
