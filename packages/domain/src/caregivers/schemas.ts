import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common/schemas.ts';

/** Skills nurses teach relatives (DOMAIN.md step 8; palliative-research.md §6 item 10). */
export const caregiverSkills = [
  'turning_positioning',
  'barrier_creams_skin',
  'pressure_mattress',
  'mouth_care',
  'feeding_tube',
  'oxygen',
  'giving_medicines',
  'last_days',
] as const;
export type CaregiverSkill = (typeof caregiverSkills)[number];

/** Shown → practised → confident (issue 7). */
export const skillLevels = ['shown', 'practised', 'confident'] as const;
export type SkillLevel = (typeof skillLevels)[number];

/** A level may be signed only after the one before it: shown before practised before confident. */
export function canSignLevel(reached: readonly SkillLevel[], level: SkillLevel): boolean {
  const index = skillLevels.indexOf(level);
  return index === 0 || reached.includes(skillLevels[index - 1]!);
}

export const skillSignOffBodySchema = z.object({
  caregiverName: z.string().trim().min(2).max(120),
  familyUserId: idSchema.optional(),
  skill: z.enum(caregiverSkills),
  level: z.enum(skillLevels),
  signedOn: isoDateSchema,
  note: z.string().trim().max(500).optional(),
});

export const skillRecordSchema = z.object({
  id: idSchema,
  caregiverName: z.string(),
  familyUserId: idSchema.nullable(),
  skill: z.enum(caregiverSkills),
  level: z.enum(skillLevels),
  signedOn: z.string(),
  nurseName: z.string(),
  note: z.string().nullable(),
});

export const caregiverSkillsViewSchema = z.object({
  caregivers: z.array(
    z.object({
      caregiverName: z.string(),
      familyUserId: idSchema.nullable(),
      skills: z.array(
        z.object({
          skill: z.enum(caregiverSkills),
          level: z.enum(skillLevels).nullable(),
          signedOn: z.string().nullable(),
          nurseName: z.string().nullable(),
        }),
      ),
    }),
  ),
  history: z.array(skillRecordSchema),
});

/** Family duty roster: relatives divide days, nights and tasks (issue 7). */
export const dutySlots = ['day', 'night', 'all_day'] as const;
export const dutyShiftBodySchema = z.object({
  date: isoDateSchema,
  slot: z.enum(dutySlots),
  personName: z.string().trim().min(2).max(120),
  familyUserId: idSchema.optional(),
  tasks: z.string().trim().max(500).optional(),
});
export const dutyShiftSchema = z.object({
  id: idSchema,
  date: z.string(),
  slot: z.enum(dutySlots),
  personName: z.string(),
  familyUserId: idSchema.nullable(),
  tasks: z.string().nullable(),
  createdByName: z.string(),
});
export const dutyRosterQuerySchema = z.object({
  from: isoDateSchema.optional(),
  days: z.coerce.number().int().min(1).max(62).default(14),
});
export const dutyRosterSchema = z.object({
  today: z.string(),
  onToday: z.array(dutyShiftSchema),
  shifts: z.array(dutyShiftSchema),
});
export const dutyShiftParamsSchema = z.object({ patientId: idSchema, shiftId: idSchema });
