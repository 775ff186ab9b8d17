import { Navigate } from 'react-router';
import { useCan } from '../auth/me.ts';
import { visibleNav } from './nav.ts';

/** `/app` opens the first screen the role may use (the queue for coordinators). */
export function WorkspaceHome() {
  const can = useCan();
  const first = visibleNav(can)[0];
  return <Navigate to={first?.to ?? '/app/account'} replace />;
}
