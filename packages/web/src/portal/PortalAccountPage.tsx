import { AccountPage } from '../features/auth/AccountPage.tsx';

/** The same account page, with the portal's larger controls. */
export function PortalAccountPage() {
  return <AccountPage size="lg" />;
}
