import { z } from 'zod';
import { alertSettingsSchema } from '../alerts/schemas.ts';
import { travelSettingsSchema } from '../care/travel.ts';
import { localeSchema } from '../common/schemas.ts';
import { triageSettingsSchema } from '../triage/rules.ts';

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
  /** Issue 6 / §3.5 (Scottish guideline): review when more than this many rescue doses in 24 h. */
  rescueDosesReviewThreshold: z.number().int().min(1).max(24).default(3),
  /** A scheduled dose may be recorded this many minutes before or after its time. */
  scheduledDoseWindowMinutes: z.number().int().min(10).max(180).default(60),
  /** Days before a "just in case" box expires when the team is reminded. */
  anticipatoryExpiryReminderDays: z.number().int().min(1).max(90).default(14),
  /**
   * Volunteer hours as a share of paid staff's patient-care hours that the service aims for:
   * 5 % is the US hospice minimum (palliative-research.md, "Volunteers").
   */
  volunteerHoursBenchmarkPercent: z.number().min(0).max(100).default(5),
  sessionHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Travel model for planning and the dispatch board (issue 5). */
  travel: travelSettingsSchema.prefault({}),
  /** How long the weekly planner may search; the server stays responsive meanwhile (worker thread). */
  planningTimeLimitSeconds: z.number().min(0.5).max(300).default(10),
  /** Alert deadlines and escalation steps (issue 4); defaults: urgent 1 h, review 24 h. */
  alerts: alertSettingsSchema.prefault({}),
  /** Triage thresholds (issue 4), defaults from the sources. */
  triage: triageSettingsSchema.prefault({}),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

export const organizationSettingsPatchSchema = organizationSettingsSchema.partial();
