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
  'patient:correct-identity',
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
  'camp:read-medicines',
  'careplan:read',
  'careplan:write',
  'visit:read',
  'visit:request',
  'visit:schedule',
  'visit:perform',
  'rota:read',
  'rota:manage',
  'planning:run',
  'meeting:read',
  'meeting:manage',
  'alert:read',
  'alert:handle',
  'assessment:read',
  'assessment:record',
  'diary:read',
  'diary:record',
  'task:read',
  'oncall:read',
  'oncall:manage',
  'call:read',
  'call:record',
  'medicine:formulary',
  'medicine:read',
  'medicine:mar',
  'medicine:prescribe',
  'medicine:convert',
  'medicine:administer',
  'medicine:countersign',
  'medicine:anticipatory',
  'medicine:controlled',
  // home, family and the end of life (issue 7)
  'equipment:read',
  'equipment:manage',
  'equipment:request',
  'equipment-loan:read',
  'home-safety:read',
  'home-safety:record',
  'caregiver-skill:read',
  'caregiver-skill:sign',
  'duty-roster:read',
  'duty-roster:write',
  'caregiver-burden:read',
  'caregiver-burden:record',
  'instrument:manage',
  'support:read',
  'support:refer',
  'support:work',
  'acp:read',
  'acp:write',
  'acp:decide',
  'diagnosis:write',
  'assessment:correct-any',
  'care-level:move',
  'death:read',
  'death:record',
  'death:certify',
  'bereavement:read',
  'bereavement:work',
  // quality reports (issue 18)
  'report:read',
  // FHIR R4 exchange (issue 19)
  'fhir:read',
  'fhir:export',
  'fhir:import',
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
  // name, date of birth and sex are corrected (with a reason, kept in the history) by the staff
  // who register patients and the physician who identifies them; others report the mistake
  'patient:correct-identity': [...coordinatorLike, 'physician'],
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
  // a camp application shows the child's needs to the programme staff, but the prescriptions only
  // to the nurses and physicians who give or check them at camp (issue 13)
  'camp:read-medicines': ['physician', 'nurse'],
  // family may read their own patient's care plan and visits (checked below)
  'careplan:read': [...allStaffReaders, 'family'],
  'careplan:write': [...coordinatorLike, ...clinicalRoles],
  'visit:read': [...allStaffReaders, 'family'],
  'visit:request': [...coordinatorLike, ...clinicalRoles],
  'visit:schedule': coordinatorLike,
  // the visiting staff member moves their own visit on; the service checks it is theirs
  'visit:perform': [...coordinatorLike, ...clinicalRoles],
  'rota:read': [...coordinatorLike, ...clinicalRoles],
  'rota:manage': coordinatorLike,
  'planning:run': coordinatorLike,
  'meeting:read': [...coordinatorLike, ...clinicalRoles],
  'meeting:manage': [...coordinatorLike, 'physician', 'nurse'],
  // alerts: the whole care team sees the inbox; clinicians and coordinators answer
  'alert:read': [...coordinatorLike, ...clinicalRoles],
  'alert:handle': [...coordinatorLike, 'physician', 'nurse', 'psychologist', 'social_worker'],
  'assessment:read': [...coordinatorLike, ...clinicalRoles],
  'assessment:record': ['physician', 'nurse', 'psychologist', 'social_worker'],
  // the family symptom diary: relatives of a linked patient, and the team reading it
  'diary:read': [...coordinatorLike, ...clinicalRoles, 'family'],
  'diary:record': ['family', 'physician', 'nurse'],
  'task:read': [...coordinatorLike, ...clinicalRoles],
  'oncall:read': [...allStaffReaders, 'volunteer_coordinator', 'equipment_manager'],
  'oncall:manage': [...coordinatorLike, 'physician'],
  'call:read': [...coordinatorLike, ...clinicalRoles],
  'call:record': [...coordinatorLike, 'physician', 'nurse'],
  // Medicines (issue 6): only a physician prescribes or changes a dose (DOMAIN.md, Medicines)
  'medicine:formulary': [...allStaffReaders],
  // family: read only, and only their patient's schedule and log (checked below)
  'medicine:read': [...allStaffReaders, 'family'],
  'medicine:mar': ['physician', 'nurse', 'coordinator', 'admin'],
  'medicine:prescribe': ['physician'],
  'medicine:convert': ['physician'],
  // relatives and nurses record each dose; the dose guard keeps them inside the prescription
  'medicine:administer': ['physician', 'nurse', 'family'],
  'medicine:countersign': ['physician'],
  'medicine:anticipatory': ['physician', 'nurse'],
  'medicine:controlled': ['physician', 'nurse'],
  'equipment:read': [...allStaffReaders, 'equipment_manager'],
  'equipment:manage': ['admin', 'equipment_manager'],
  'equipment:request': [...coordinatorLike, 'physician', 'nurse', 'social_worker', 'therapist'],
  // the family sees what is in their home (checked below for the linked patient)
  'equipment-loan:read': [...allStaffReaders, 'equipment_manager', 'family'],
  'home-safety:read': [...allStaffReaders, 'equipment_manager', 'family'],
  'home-safety:record': [...coordinatorLike, 'physician', 'nurse', 'social_worker', 'therapist'],
  'caregiver-skill:read': [...allStaffReaders, 'family'],
  // nurses teach relatives and sign off their skills (DOMAIN.md, step 8)
  'caregiver-skill:sign': ['nurse'],
  'duty-roster:read': [...allStaffReaders, 'family'],
  'duty-roster:write': [...coordinatorLike, 'nurse', 'psychologist', 'social_worker', 'family'],
  'caregiver-burden:read': [...coordinatorLike, ...clinicalRoles, 'family'],
  'caregiver-burden:record': ['nurse', 'psychologist', 'social_worker', 'family'],
  'instrument:manage': ['admin'],
  'support:read': [...coordinatorLike, ...clinicalRoles],
  'support:refer': [...coordinatorLike, ...clinicalRoles],
  'support:work': ['psychologist', 'social_worker', 'chaplain'],
  'acp:read': [...allStaffReaders, 'family'],
  'acp:write': ['physician', 'nurse'],
  // Resuscitation (DNACPR) and ceilings of treatment are medical decisions: a physician records
  // them (UK Resuscitation Council / BMA joint guidance, "Decisions relating to CPR"); a nurse
  // records the rest of the plan and leaves these as the physician set them (issue 13).
  'acp:decide': ['physician'],
  // a diagnosis is a medical judgement: physicians add them (issue 13)
  'diagnosis:write': ['physician'],
  // anyone recording assessments corrects their own; a physician may correct anyone's (issue 13)
  'assessment:correct-any': ['physician'],
  'care-level:move': [...coordinatorLike, 'physician'],
  'death:read': [...allStaffReaders, 'equipment_manager'],
  'death:record': ['physician', 'nurse'],
  // the death-certification checklist item is a physician's act (issue 13)
  'death:certify': ['physician'],
  'bereavement:read': [...coordinatorLike, ...clinicalRoles],
  'bereavement:work': [...coordinatorLike, 'nurse', 'psychologist', 'social_worker', 'chaplain'],
  // the administrator, the coordinators' lead and the medical lead: a coordinator or physician
  // counts only with the team-lead flag (checked below), the flag on-call escalation already uses
  'report:read': ['admin', 'coordinator', 'physician'],
  // FHIR: staff who read the record; never family or volunteers (each resource type also needs
  // the read right of the feature it comes from)
  'fhir:read': [...allStaffReaders, 'volunteer_coordinator', 'equipment_manager'],
  // the whole organization's data at once: administrators only
  'fhir:export': ['admin'],
  // a hospital's referral becomes an intake request, which coordinators handle
  'fhir:import': coordinatorLike,
};

export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  /** Patients a family member is linked to; empty for staff. */
  linkedPatientIds: readonly string[];
  /** Patients for whom this family member is the designated contact who manages access. */
  designatedPatientIds: readonly string[];
  /** The staff member leads their role's team (coordinators' lead, medical lead). */
  isLead?: boolean;
}

export interface PermissionTarget {
  patientId?: string;
}

export function can(actor: Actor, action: Action, target: PermissionTarget = {}): boolean {
  if (!matrix[action].includes(actor.role)) return false;
  if (action === 'report:read' && actor.role !== 'admin') return actor.isLead === true;
  if (actor.role !== 'family') return true;
  if (target.patientId === undefined) return false;
  if (action === 'family:invite' || action === 'family:remove') {
    return actor.designatedPatientIds.includes(target.patientId);
  }
  return actor.linkedPatientIds.includes(target.patientId);
}

/** Roles allowed to do an action, for documentation and the admin screen. */
export const rolesFor = (action: Action): readonly Role[] => matrix[action];
