import { type Actor, can, landingScreenOf, type Role, staffRoles } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { landingOf, visibleNav } from './nav.ts';

const navOf = (role: Role, isLead = false) => {
  const actor: Actor = {
    userId: 'u',
    organizationId: 'o',
    role,
    linkedPatientIds: [],
    designatedPatientIds: [],
    isLead,
  };
  return visibleNav((action, target) => can(actor, action, target)).map((i) => i.key);
};

const canOf = (role: Role) => {
  const actor: Actor = {
    userId: 'u',
    organizationId: 'o',
    role,
    linkedPatientIds: [],
    designatedPatientIds: [],
  };
  return (action: Parameters<typeof can>[1]) => can(actor, action);
};

describe('each role lands on its own screen (issue 13)', () => {
  const expected: Record<string, string> = {
    admin: '/app/staff',
    coordinator: '/app/requests',
    commission: '/app/commission',
    physician: '/app/alerts',
    nurse: '/app/my-day',
    psychologist: '/app/support',
    social_worker: '/app/support',
    chaplain: '/app/support',
    caregiver: '/app/my-day',
    therapist: '/app/my-day',
    volunteer_coordinator: '/app/volunteers',
    equipment_manager: '/app/equipment',
  };
  it.each(staffRoles)('%s opens on a screen it may use', (role) => {
    expect(landingOf(landingScreenOf(role), canOf(role))).toBe(expected[role]);
  });
});

describe('workspace navigation follows the permission matrix', () => {
  it('gives coordinators the queue first, and no audit log', () => {
    const nav = navOf('coordinator');
    expect(nav[0]).toBe('requests');
    expect(nav).toContain('commission');
    expect(nav).not.toContain('audit');
    expect(nav).not.toContain('settings');
  });
  it("shows Reports to the administrator and the coordinators' and medical leads only", () => {
    expect(navOf('admin')).toContain('reports');
    expect(navOf('coordinator', true)).toContain('reports');
    expect(navOf('physician', true)).toContain('reports');
    expect(navOf('coordinator')).not.toContain('reports');
    expect(navOf('nurse', true)).not.toContain('reports');
  });
  it('gives administrators staff, settings and audit', () => {
    expect(navOf('admin')).toEqual(expect.arrayContaining(['staff', 'settings', 'audit']));
  });
  it('shows the alerts inbox to the care team but not to the equipment manager', () => {
    expect(navOf('physician')).toContain('alerts');
    expect(navOf('nurse')).toContain('alerts');
    expect(navOf('equipment_manager')).not.toContain('alerts');
  });
  it('opens the equipment store first for the equipment manager, and shows it to no clinician', () => {
    expect(navOf('equipment_manager')[0]).toBe('equipment');
    expect(navOf('nurse')).not.toContain('equipment');
  });
  it('gives the care team the team meetings and the rota, and not the family', () => {
    expect(navOf('coordinator')).toEqual(expect.arrayContaining(['meetings', 'rota', 'dispatch']));
    expect(navOf('nurse')).toEqual(expect.arrayContaining(['meetings', 'rota', 'myDay']));
    expect(navOf('family')).not.toContain('meetings');
  });
  it('shows a nurse patients but not the queue or the commission', () => {
    const nav = navOf('nurse');
    expect(nav).toContain('patients');
    expect(nav).not.toContain('requests');
    expect(nav).not.toContain('commission');
  });
});
