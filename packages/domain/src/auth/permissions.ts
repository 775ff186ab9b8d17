import { clinicalRoles, type Role } from './roles.ts';

/**
 * The permission matrix: which role may do which action. The server calls `can` in services
 * (never only in routes); the web calls the same function to hide what a role may not do.
 */
export const actions = [
  'intake:read',
  'intake:handle',
  'commission:read',
  'commission:refer',
  'commission:decide',
  'patient:list',
  'patient:read',
  'patient:create',
  'patient:update',
  'patient:change-status',
  'family:invite',
  'family:remove',
  'staff:read',
  'staff:manage',
  'settings:read',
  'settings:manage',
  'audit:read',
  'volunteer:read',
  'volunteer:manage',
  'volunteer:portal',
  'programme:read',
  'programme:manage',
  'alert:read',
  'alert:handle',
] as const;
export type Action = (typeof actions)[number];

const coordinatorLike = ['admin', 'coordinator'] as const satisfies readonly Role[];
const allStaffReaders = [...coordinatorLike, 'commission', ...clinicalRoles] as const;

const matrix: Record<Action, readonly Role[]> = {
  'intake:read': [...coordinatorLike, 'commission', 'physician'],
  'intake:handle': coordinatorLike,
  'commission:read': [...coordinatorLike, 'commission', 'physician'],
  'commission:refer': coordinatorLike,
  'commission:decide': ['commission'],
  'patient:list': [...allStaffReaders, 'volunteer_coordinator', 'equipment_manager'],
  // family may read, but only a patient they are linked to (checked below)
  'patient:read': [...allStaffReaders, 'volunteer_coordinator', 'equipment_manager', 'family'],
  'patient:create': coordinatorLike,
  'patient:update': [...coordinatorLike, 'physician', 'nurse', 'social_worker'],
  'patient:change-status': [...coordinatorLike, 'physician'],
  // the patient's designated family member may invite and remove relatives (checked below)
  'family:invite': [...coordinatorLike, 'family'],
  'family:remove': [...coordinatorLike, 'family'],
  'staff:read': [...coordinatorLike, 'volunteer_coordinator'],
  'staff:manage': ['admin'],
  'settings:read': [...allStaffReaders, 'volunteer_coordinator', 'equipment_manager'],
  'settings:manage': ['admin'],
  'audit:read': ['admin'],
  // children's hospice programmes: the volunteer coordinator runs volunteers, clubs, camps, courses
  'volunteer:read': [...coordinatorLike, 'volunteer_coordinator'],
  'volunteer:manage': ['admin', 'volunteer_coordinator'],
  // a volunteer sees only their own assignments (the service filters by their record)
  'volunteer:portal': ['volunteer'],
  'programme:read': [...allStaffReaders, 'volunteer_coordinator', 'equipment_manager'],
  'programme:manage': ['admin', 'volunteer_coordinator'],
  // alerts: the whole care team sees the inbox; clinicians and coordinators answer
  'alert:read': [...coordinatorLike, ...clinicalRoles],
  'alert:handle': [...coordinatorLike, 'physician', 'nurse', 'psychologist', 'social_worker'],
};

export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  /** Patients a family member is linked to; empty for staff. */
  linkedPatientIds: readonly string[];
  /** Patients for whom this family member is the designated contact who manages access. */
  designatedPatientIds: readonly string[];
}

export interface PermissionTarget {
  patientId?: string;
}

export function can(actor: Actor, action: Action, target: PermissionTarget = {}): boolean {
  if (!matrix[action].includes(actor.role)) return false;
  if (actor.role !== 'family') return true;
  if (target.patientId === undefined) return false;
  if (action === 'family:invite' || action === 'family:remove') {
    return actor.designatedPatientIds.includes(target.patientId);
  }
  return actor.linkedPatientIds.includes(target.patientId);
}

/** Roles allowed to do an action, for documentation and the admin screen. */
export const rolesFor = (action: Action): readonly Role[] => matrix[action];
