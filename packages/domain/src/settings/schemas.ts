import { z } from 'zod';
import { alertSettingsSchema } from '../alerts/schemas.ts';
import { travelSettingsSchema } from '../care/travel.ts';
import { localeSchema, phoneSchema } from '../common/schemas.ts';
import { triageSettingsSchema } from '../triage/rules.ts';
import { patchSchemaOf } from './patch.ts';
import { timeZoneSchema } from './validators.ts';

/** Organization settings with safe defaults; an administrator may tune them. */
export const organizationSettingsSchema = z.object({
  /** DOMAIN.md: coordinators call back within 15 minutes. */
  callbackDeadlineMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(15),
  /** After an unanswered call back ("no answer", "busy", …) the next try is due within this many minutes. */
  callRetryMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(15),
  /** After this many unanswered tries in a row the coordinators' lead is told. */
  callAttemptsBeforeEscalation: z.number().int().min(1).max(20).default(3),
  /** The children's hospice in DOMAIN.md serves families within 250 km of its base. */
  serviceRadiusKm: z.number().min(1).max(1000).default(250),
  base: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
  /**
   * A Nominatim-compatible search URL (for example https://nominatim.example.org/search) for the
   * address lookup; empty turns it off (issue 13).
   */
  geocoderUrl: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Enter an http or https address.' })])
    .default(''),
  /** The number families are told to call: a plausible phone number (issue 17). */
  servicePhone: phoneSchema.default('+375 17 000-00-00'),
  /** A real IANA zone; an unknown one would break every "today" (issue 17). */
  timeZone: timeZoneSchema.default('Europe/Minsk'),
  language: localeSchema.default('ru'),
  /** Issue 6 / §3.5 (Scottish guideline): review when more than this many rescue doses in 24 h. */
  rescueDosesReviewThreshold: z.number().int().min(1).max(24).default(3),
  /** A scheduled dose may be recorded this many minutes before or after its time. */
  scheduledDoseWindowMinutes: z.number().int().min(10).max(180).default(60),
  /**
   * Issue 12: how long after it was given a dose may still be recorded (a late entry). It is
   * checked against the prescription version of its time and counts in the dose guard's history.
   */
  lateEntryWindowHours: z.number().int().min(1).max(72).default(24),
  /** Issue 12: a verbal order authorises a dose given within this many minutes of the order. */
  verbalOrderValidMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  /**
   * Issue 14: how many hours a phone may rely on its offline copy of the caseload (visits of
   * today and tomorrow) before it must fetch a fresh one; at most a week.
   */
  fieldCaseloadHours: z
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(24),
  /** Issue 12: the conversion guideline shown first (the reference) in the opioid calculator. */
  opioidReferenceSource: z.enum(['ggc', 'ukRegional', 'cdc2022', 'sps']).default('ggc'),
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
  /**
   * How much the plans weigh an even share of work between staff: each person-day costs
   * weight × (working minutes)² / 480 minutes of driving, so 1 makes a minute added to a full
   * 8-hour day cost two minutes of driving. 0 (the default) leaves balance out.
   */
  planningBalanceWeight: z.number().min(0).max(20).default(0),
  /** Minutes of driving one minute of overtime is worth to the plans (the planner's default: 2). */
  planningOvertimeWeight: z.number().min(0).max(100).default(2),
  /** Alert deadlines and escalation steps (issue 4); defaults: urgent 1 h, review 24 h. */
  alerts: alertSettingsSchema.prefault({}),
  /** Triage thresholds (issue 4), defaults from the sources. */
  triage: triageSettingsSchema.prefault({}),
});
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;

/**
 * PATCH /settings: each settings section sends only its own fields; nothing is filled in with a
 * default, so saving one section never resets another (issue 13).
 */
export const organizationSettingsPatchSchema = patchSchemaOf(organizationSettingsSchema);
export type OrganizationSettingsPatch = z.infer<typeof organizationSettingsPatchSchema>;

/** Stored settings that were invalid and are read as their defaults until an administrator fixes them. */
export const settingsProblemsSchema = z.object({ replaced: z.array(z.string()) });
