import type { Action, LandingScreen, PermissionTarget } from '@hearth/domain';

export interface NavItem {
  key:
    | 'requests'
    | 'alerts'
    | 'oncall'
    | 'calls'
    | 'tasks'
    | 'commission'
    | 'dispatch'
    | 'myDay'
    | 'equipment'
    | 'meetings'
    | 'rota'
    | 'patients'
    | 'volunteers'
    | 'programmes'
    | 'support'
    | 'bereavement'
    | 'reports'
    | 'notifications'
    | 'staff'
    | 'settings'
    | 'audit'
    | 'account';
  to: string;
  /** Shown only when the role may do this; none means every staff member. */
  action?: Action;
}

export const navItems: readonly NavItem[] = [
  { key: 'requests', to: '/app/requests', action: 'intake:read' },
  { key: 'alerts', to: '/app/alerts', action: 'alert:read' },
  // the equipment manager's first screen; others reach the store from a patient's loans
  { key: 'equipment', to: '/app/equipment', action: 'equipment:manage' },
  { key: 'oncall', to: '/app/on-call', action: 'oncall:read' },
  { key: 'calls', to: '/app/calls', action: 'call:read' },
  { key: 'tasks', to: '/app/tasks', action: 'task:read' },
  { key: 'commission', to: '/app/commission', action: 'commission:read' },
  { key: 'dispatch', to: '/app/dispatch', action: 'planning:run' },
  { key: 'myDay', to: '/app/my-day', action: 'visit:perform' },
  { key: 'meetings', to: '/app/meetings', action: 'meeting:read' },
  { key: 'rota', to: '/app/rota', action: 'rota:read' },
  { key: 'patients', to: '/app/patients', action: 'patient:list' },
  { key: 'volunteers', to: '/app/volunteers', action: 'volunteer:read' },
  { key: 'programmes', to: '/app/programmes', action: 'programme:read' },
  { key: 'support', to: '/app/support', action: 'support:read' },
  { key: 'bereavement', to: '/app/bereavement', action: 'bereavement:read' },
  { key: 'reports', to: '/app/reports', action: 'report:read' },
  { key: 'notifications', to: '/app/notifications' },
  { key: 'staff', to: '/app/staff', action: 'staff:read' },
  { key: 'settings', to: '/app/settings', action: 'settings:manage' },
  { key: 'audit', to: '/app/audit', action: 'audit:read' },
  { key: 'account', to: '/app/account' },
];

/** The navigation a role sees: only what the permission matrix lets it do. */
export const visibleNav = (can: (action: Action, target?: PermissionTarget) => boolean) =>
  navItems.filter((item) => !item.action || can(item.action));

/**
 * Where `/app` sends a role: its landing screen when the role may see it, else its first screen.
 * The portal roles never reach the workspace; they are sent to /portal before this.
 */
export function landingOf(
  screen: LandingScreen,
  can: (action: Action, target?: PermissionTarget) => boolean,
) {
  const visible = visibleNav(can);
  return (visible.find((item) => item.key === screen) ?? visible[0])?.to ?? '/app/account';
}
