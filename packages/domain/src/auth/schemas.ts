import { z } from 'zod';
import { idSchema, localeSchema } from '../common/schemas.ts';
import { landingScreenSchema } from './landing.ts';
import { roleSchema, staffRoleSchema } from './roles.ts';

/** NIST SP 800-63B: at least 8 characters for user-chosen passwords; long passphrases allowed. */
export const passwordSchema = z.string().min(8, 'Use at least 8 characters.').max(200);
export const emailSchema = z.email('Enter a valid e-mail address.').trim().toLowerCase().max(200);

export const loginBodySchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const meSchema = z.object({
  id: idSchema,
  organizationId: idSchema,
  organizationName: z.string(),
  isDemo: z.boolean(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isLead: z.boolean(),
  locale: localeSchema,
  linkedPatientIds: z.array(idSchema),
  designatedPatientIds: z.array(idSchema),
  csrfToken: z.string(),
  /** The first screen for this role (issue 13). */
  landing: landingScreenSchema,
  /** The service's clock (settings): every time shown or typed is on it, not the browser's. */
  timeZone: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const userStatusSchema = z.enum(['invited', 'active', 'deactivated']);

export const staffMemberSchema = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  isLead: z.boolean(),
  phone: z.string().nullable(),
  status: userStatusSchema,
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const inviteStaffBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(2).max(120),
  role: staffRoleSchema,
  isLead: z.boolean().default(false),
  phone: z.string().trim().max(30).optional(),
});

/** The invitation link is shown once to the inviter (no e-mail server is assumed). */
export const invitationSchema = z.object({
  userId: idSchema,
  email: z.string(),
  acceptToken: z.string(),
  expiresAt: z.string(),
});

export const acceptInvitationBodySchema = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

export const inviteFamilyBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(2).max(120),
  relationship: z.string().trim().min(2).max(60),
  phone: z.string().trim().max(30).optional(),
  designated: z.boolean().default(false),
});

export const familyMemberSchema = z.object({
  userId: idSchema,
  name: z.string(),
  email: z.string(),
  relationship: z.string(),
  designated: z.boolean(),
  status: userStatusSchema,
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;
