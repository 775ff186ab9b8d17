import { z } from 'zod';
import { places } from '../advance-care/schemas.ts';
import { disciplineSchema } from '../care/care-plan.ts';
import { idSchema, isoDateSchema } from '../common/schemas.ts';
import { careSettings, patientStatuses } from '../patients/schemas.ts';
import { episodeEffects } from './rules.ts';

/** What a change set off, in the order applied: stored with each episode change and shown on the view. */
export const episodeEffectsSchema = z.array(z.enum(episodeEffects));

/** A home visit waiting while the patient is away. */
export const heldVisitSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  discipline: disciplineSchema,
  staffName: z.string().nullable(),
  reason: z.string().nullable(),
});

/**
 * Where the patient's care episode stands, for staff and the family portal: held visits and
 * whether restoring them is offered, and after a death what the family sees first.
 */
export const episodeViewSchema = z.object({
  status: z.enum(patientStatuses),
  careSetting: z.enum(careSettings),
  awayFromHome: z.boolean(),
  heldVisits: z.array(heldVisitSchema),
  /** Back home with visits still held: the coordinator may restore them. */
  restoreOffered: z.boolean(),
  /** What the last change did (effects in the order applied), for the record and the tests. */
  lastEffects: episodeEffectsSchema,
  bereavement: z
    .object({
      diedOn: isoDateSchema,
      place: z.enum(places),
      teamMessage: z.string().nullable(),
    })
    .nullable(),
});
export type EpisodeView = z.infer<typeof episodeViewSchema>;

export const restoreVisitsBodySchema = z.object({
  /** The held visits to bring back; the rest are cancelled. */
  visitIds: z.array(idSchema).max(200),
});
