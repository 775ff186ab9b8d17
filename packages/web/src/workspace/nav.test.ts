import { type Actor, can, type Role } from '@hearth/domain';
import { describe, expect, it } from 'vitest';
import { visibleNav } from './nav.ts';

const navOf = (role: Role) => {
  const actor: Actor = {
    userId: 'u',
    organizationId: 'o',
    role,
    linkedPatientIds: [],
    designatedPatientIds: [],
  };
  return visibleNav((action, target) => can(actor, action, target)).map((i) => i.key);
};

describe('workspace navigation follows the permission matrix', () => {
  it('gives coordinators the queue first, and no audit log', () => {
    const nav = navOf('coordinator');
    expect(nav[0]).toBe('requests');
    expect(nav).toContain('commission');
    expect(nav).not.toContain('audit');
    expect(nav).not.toContain('settings');
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
