import { z } from 'zod';

/** Every role in DOMAIN.md. Staff roles work in the workspace; family and volunteer use the portal. */
export const roles = [
  'admin',
  'coordinator',
  'commission',
  'physician',
  'nurse',
  'psychologist',
  'social_worker',
  'chaplain',
  'caregiver',
  'therapist',
  'volunteer_coordinator',
  'equipment_manager',
  'volunteer',
  'family',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const portalRoles = ['family', 'volunteer'] as const satisfies readonly Role[];
export const staffRoles = roles.filter((r) => !(portalRoles as readonly Role[]).includes(r));
export const staffRoleSchema = z.enum(
  staffRoles as [Exclude<Role, 'family' | 'volunteer'>, ...Exclude<Role, 'family' | 'volunteer'>[]],
);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Roles that care for patients in their homes and so read the clinical record. */
export const clinicalRoles = [
  'physician',
  'nurse',
  'psychologist',
  'social_worker',
  'chaplain',
  'caregiver',
  'therapist',
] as const satisfies readonly Role[];

export const isPortalRole = (role: Role) => (portalRoles as readonly Role[]).includes(role);

/** Demo and invitation e-mails use the role with dashes: `social-worker@demo.hearth.local`. */
export const roleSlug = (role: Role) => role.replaceAll('_', '-');
