import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAction, RequirePortal, RequireStaff } from '../auth/guards.tsx';
import { homeOf, useMe } from '../auth/me.ts';
import { NotFound } from '../components/NotFound.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { PublicShell } from '../components/PublicShell.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { PublicRequestPage } from '../features/intake/PublicRequestPage.tsx';

/** `/` sends a logged-in user to their home and a visitor to the public request form. */
function Root() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  return <Navigate to={me.data ? homeOf(me.data) : '/request'} replace />;
}

// The public form and login are in the first download (a family on a slow phone connection);
// the workspace and the portal load when first opened.
export const router = createBrowserRouter([
  { path: '/', element: <Root /> },
  { path: '/request', element: <PublicRequestPage /> },
  { path: '/login', element: <LoginPage /> },
  {
    path: '/accept-invitation',
    lazy: () =>
      import('../features/auth/AcceptInvitationPage.tsx').then((m) => ({
        Component: m.AcceptInvitationPage,
      })),
  },
  {
    path: '/app',
    element: <RequireStaff />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        lazy: () =>
          import('../workspace/WorkspaceLayout.tsx').then((m) => ({ Component: m.WorkspaceLayout })),
        children: [
          {
            index: true,
            lazy: () =>
              import('../workspace/WorkspaceHome.tsx').then((m) => ({ Component: m.WorkspaceHome })),
          },
          {
            element: <RequireAction action="intake:read" />,
            children: [
              {
                path: 'requests',
                lazy: () =>
                  import('../features/queue/QueuePage.tsx').then((m) => ({ Component: m.QueuePage })),
              },
              {
                path: 'requests/:requestId',
                lazy: () =>
                  import('../features/queue/RequestPage.tsx').then((m) => ({ Component: m.RequestPage })),
              },
            ],
          },
          {
            element: <RequireAction action="intake:handle" />,
            children: [
              {
                path: 'requests/new',
                lazy: () =>
                  import('../features/queue/PhoneRequestPage.tsx').then((m) => ({
                    Component: m.PhoneRequestPage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="alert:read" />,
            children: [
              {
                path: 'alerts',
                lazy: () =>
                  import('../features/watch/AlertsInboxPage.tsx').then((m) => ({
                    Component: m.AlertsInboxPage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="oncall:read" />,
            children: [
              {
                path: 'on-call',
                lazy: () =>
                  import('../features/oncall/RotaPage.tsx').then((m) => ({ Component: m.RotaPage })),
              },
            ],
          },
          {
            element: <RequireAction action="call:read" />,
            children: [
              {
                path: 'calls',
                lazy: () =>
                  import('../features/oncall/CallsPage.tsx').then((m) => ({ Component: m.CallsPage })),
              },
            ],
          },
          {
            element: <RequireAction action="task:read" />,
            children: [
              {
                path: 'tasks',
                lazy: () =>
                  import('../features/oncall/TasksPage.tsx').then((m) => ({ Component: m.TasksPage })),
              },
            ],
          },
          {
            element: <RequireAction action="commission:read" />,
            children: [
              {
                path: 'commission',
                lazy: () =>
                  import('../features/commission/CommissionListPage.tsx').then((m) => ({
                    Component: m.CommissionListPage,
                  })),
              },
              {
                path: 'commission/:caseId',
                lazy: () =>
                  import('../features/commission/CasePage.tsx').then((m) => ({ Component: m.CasePage })),
              },
            ],
          },
          {
            element: <RequireAction action="planning:run" />,
            children: [
              {
                path: 'dispatch',
                lazy: () =>
                  import('../features/care/DispatchPage.tsx').then((m) => ({ Component: m.DispatchPage })),
              },
              {
                path: 'dispatch/sheet/:staffId/:date',
                lazy: () =>
                  import('../features/care/RouteSheetPage.tsx').then((m) => ({
                    Component: m.RouteSheetPage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="meeting:read" />,
            children: [
              {
                path: 'meetings',
                lazy: () =>
                  import('../features/care/MeetingsPage.tsx').then((m) => ({ Component: m.MeetingsPage })),
              },
            ],
          },
          {
            element: <RequireAction action="rota:read" />,
            children: [
              {
                path: 'rota',
                lazy: () => import('../features/care/RotaPage.tsx').then((m) => ({ Component: m.RotaPage })),
              },
            ],
          },
          {
            element: <RequireAction action="visit:perform" />,
            children: [
              {
                path: 'my-day',
                lazy: () =>
                  import('../features/care/MyDayPage.tsx').then((m) => ({ Component: m.MyDayPage })),
              },
            ],
          },
          {
            element: <RequireAction action="patient:list" />,
            children: [
              {
                path: 'patients',
                lazy: () =>
                  import('../features/patients/PatientsPage.tsx').then((m) => ({
                    Component: m.PatientsPage,
                  })),
              },
              {
                path: 'patients/:patientId',
                lazy: () =>
                  import('../features/patients/PatientPage.tsx').then((m) => ({ Component: m.PatientPage })),
              },
            ],
          },
          {
            element: <RequireAction action="medicine:read" />,
            children: [
              {
                path: 'patients/:patientId/medicines',
                lazy: () =>
                  import('../features/medicines/MedicinesPage.tsx').then((m) => ({
                    Component: m.MedicinesPage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="equipment:read" />,
            children: [
              {
                path: 'equipment',
                lazy: () =>
                  import('../features/home/EquipmentStorePage.tsx').then((m) => ({
                    Component: m.EquipmentStorePage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="support:read" />,
            children: [
              {
                path: 'support',
                lazy: () =>
                  import('../features/home/SupportInboxPage.tsx').then((m) => ({
                    Component: m.SupportInboxPage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="volunteer:read" />,
            children: [
              {
                path: 'volunteers',
                lazy: () =>
                  import('../features/volunteers/VolunteersPage.tsx').then((m) => ({
                    Component: m.VolunteersPage,
                  })),
              },
              {
                path: 'volunteers/:volunteerId',
                lazy: () =>
                  import('../features/volunteers/VolunteerPage.tsx').then((m) => ({
                    Component: m.VolunteerPage,
                  })),
              },
              {
                path: 'volunteer-requests',
                lazy: () =>
                  import('../features/volunteers/RequestsPage.tsx').then((m) => ({
                    Component: m.RequestsPage,
                  })),
              },
              {
                path: 'volunteer-requests/:requestId',
                lazy: () =>
                  import('../features/volunteers/RequestPage.tsx').then((m) => ({
                    Component: m.RequestPage,
                  })),
              },
              {
                path: 'volunteer-hours',
                lazy: () =>
                  import('../features/volunteers/HoursPage.tsx').then((m) => ({ Component: m.HoursPage })),
              },
            ],
          },
          {
            element: <RequireAction action="programme:read" />,
            children: [
              {
                path: 'programmes',
                lazy: () =>
                  import('../features/programmes/ProgrammesPage.tsx').then((m) => ({
                    Component: m.ProgrammesPage,
                  })),
              },
              {
                path: 'programmes/:programmeId',
                lazy: () =>
                  import('../features/programmes/ProgrammePage.tsx').then((m) => ({
                    Component: m.ProgrammePage,
                  })),
              },
              {
                path: 'clown-visits',
                lazy: () =>
                  import('../features/programmes/ClownVisitsPage.tsx').then((m) => ({
                    Component: m.ClownVisitsPage,
                  })),
              },
              {
                path: 'certificates/:enrolmentId',
                lazy: () =>
                  import('../features/programmes/CertificatePage.tsx').then((m) => ({
                    Component: m.CertificatePage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="bereavement:read" />,
            children: [
              {
                path: 'bereavement',
                lazy: () =>
                  import('../features/home/BereavementPage.tsx').then((m) => ({
                    Component: m.BereavementPage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="report:read" />,
            children: [
              {
                path: 'reports',
                lazy: () =>
                  import('../features/reports/ReportsPage.tsx').then((m) => ({ Component: m.ReportsPage })),
              },
            ],
          },
          {
            element: <RequireAction action="staff:read" />,
            children: [
              {
                path: 'staff',
                lazy: () =>
                  import('../features/staff/StaffPage.tsx').then((m) => ({ Component: m.StaffPage })),
              },
            ],
          },
          {
            element: <RequireAction action="settings:manage" />,
            children: [
              {
                path: 'settings',
                lazy: () =>
                  import('../features/settings/SettingsPage.tsx').then((m) => ({
                    Component: m.SettingsPage,
                  })),
              },
            ],
          },
          {
            element: <RequireAction action="audit:read" />,
            children: [
              {
                path: 'audit',
                lazy: () =>
                  import('../features/audit/AuditPage.tsx').then((m) => ({ Component: m.AuditPage })),
              },
            ],
          },
          {
            path: 'notifications',
            lazy: () =>
              import('../features/notifications/NotificationsPage.tsx').then((m) => ({
                Component: m.NotificationsPage,
              })),
          },
          {
            path: 'account',
            lazy: () =>
              import('../features/auth/AccountPage.tsx').then((m) => ({ Component: m.AccountPage })),
          },
          { path: '*', element: <NotFound homeTo="/app" /> },
        ],
      },
    ],
  },
  {
    // printed outside the workspace frame so the page holds the summary only
    path: '/print/patients/:patientId/acp',
    element: <RequireStaff />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        index: true,
        lazy: () => import('../features/home/AcpPrintPage.tsx').then((m) => ({ Component: m.AcpPrintPage })),
      },
    ],
  },
  {
    // the monthly report for the board and funders, printed outside the workspace frame
    path: '/print/reports/:month',
    element: <RequireStaff />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        element: <RequireAction action="report:read" />,
        children: [
          {
            index: true,
            lazy: () =>
              import('../features/reports/MonthlyReportPage.tsx').then((m) => ({
                Component: m.MonthlyReportPage,
              })),
          },
        ],
      },
    ],
  },
  {
    path: '/print/patients/:patientId/transfer/:moveId',
    element: <RequireStaff />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        index: true,
        lazy: () =>
          import('../features/end-of-life/TransferPrintPage.tsx').then((m) => ({
            Component: m.TransferPrintPage,
          })),
      },
    ],
  },
  {
    path: '/portal',
    element: <RequirePortal />,
    children: [
      {
        lazy: () => import('../portal/PortalLayout.tsx').then((m) => ({ Component: m.PortalLayout })),
        children: [
          {
            index: true,
            lazy: () => import('../portal/PortalHome.tsx').then((m) => ({ Component: m.PortalHome })),
          },
          {
            path: 'patients/:patientId',
            lazy: () =>
              import('../portal/PortalPatientPage.tsx').then((m) => ({ Component: m.PortalPatientPage })),
          },
          {
            path: 'account',
            lazy: () =>
              import('../portal/PortalAccountPage.tsx').then((m) => ({ Component: m.PortalAccountPage })),
          },
          {
            path: 'notifications',
            lazy: () =>
              import('../features/notifications/NotificationsPage.tsx').then((m) => ({
                Component: m.NotificationsPage,
              })),
          },
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
