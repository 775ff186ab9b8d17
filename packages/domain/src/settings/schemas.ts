import { z } from 'zod';
import { localeSchema } from '../common/schemas.ts';

/** Organization settings with safe defaults; an administrator may tune them. */
export const organizationSettingsSchema = z.object({
  /** DOMAIN.md: coordinators call back within 15 minutes. */
  callbackDeadlineMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(15),
  /** The children's hospice in DOMAIN.md serves families within 250 km of its base. */
  serviceRadiusKm: z.number().min(1).max(1000).default(250),
  base: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
  servicePhone: z.string().max(30).default('+375 17 000-00-00'),
  timeZone: z.string().max(60).default('Europe/Minsk'),
  language: localeSchema.default('ru'),
  sessionHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /**
   * ZBI-12 total at or above which a caregiver is offered a psychologist and respite. Cut-offs are
   * not universal; ≥13 was suggested for screening community caregivers (PMC6497029).
   */
  caregiverBurdenHighScore: z.number().int().min(1).max(48).default(13),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const organizationSettingsPatchSchema = organizationSettingsSchema.partial();
