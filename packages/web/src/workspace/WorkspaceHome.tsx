import { Navigate } from 'react-router';
import { useCan, useCurrentUser } from '../auth/me.ts';
import { landingOf } from './nav.ts';

/** `/app` opens the role's own first screen (My day for a nurse, the queue for coordinators). */
export function WorkspaceHome() {
  const can = useCan();
  const me = useCurrentUser();
  return <Navigate to={landingOf(me.landing, can)} replace />;
}
