import { z } from 'zod';
import type { Role } from './roles.ts';

/** The screens a role can open on; the web maps each to its route. */
export const landingScreens = [
  'portal',
  'requests',
  'alerts',
  'commission',
  'myDay',
  'volunteers',
  'support',
  'equipment',
  'staff',
] as const;
export const landingScreenSchema = z.enum(landingScreens);
export type LandingScreen = z.infer<typeof landingScreenSchema>;

/**
 * The first screen after login, chosen for the work each role comes in to do (issue 13): the
 * people who visit start from their day's visits, the coordinators from the request queue, the
 * on-call physician from the alert inbox, psychosocial staff from their referrals.
 */
const landing: Record<Role, LandingScreen> = {
  admin: 'staff',
  coordinator: 'requests',
  commission: 'commission',
  physician: 'alerts',
  nurse: 'myDay',
  psychologist: 'support',
  social_worker: 'support',
  chaplain: 'support',
  caregiver: 'myDay',
  therapist: 'myDay',
  volunteer_coordinator: 'volunteers',
  equipment_manager: 'equipment',
  volunteer: 'portal',
  family: 'portal',
};

export const landingScreenOf = (role: Role): LandingScreen => landing[role];
