import type { Action } from '@hearth/domain';
import { isPortalRole } from '@hearth/domain';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { NotFound } from '../components/NotFound.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { useCan, useMe } from './me.ts';

function useLoginRedirect() {
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return `/login?next=${next}`;
}

/** Staff workspace: logged in, and not a portal role. */
export function RequireStaff() {
  const me = useMe();
  const login = useLoginRedirect();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) return <Navigate to={login} replace />;
  if (isPortalRole(me.data.role)) return <Navigate to="/portal" replace />;
  return <Outlet />;
}

/** Family (and later volunteer) portal. */
export function RequirePortal() {
  const me = useMe();
  const login = useLoginRedirect();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  if (!me.data) return <Navigate to={login} replace />;
  if (!isPortalRole(me.data.role)) return <Navigate to="/app" replace />;
  return <Outlet />;
}

/** A workspace page for roles that may do `action`; others get the same not-found as a bad URL. */
export function RequireAction({ action }: { action: Action }) {
  const can = useCan();
  return can(action) ? <Outlet /> : <NotFound homeTo="/app" />;
}
