import { z } from 'zod';
import { coordinatesSchema, serviceAreaSchema } from './schemas.ts';

/**
 * Address lookup (issue 13) through a Nominatim-compatible search API whose URL is an organization
 * setting; none by default, as a service may run without internet. The point found is shown for
 * confirmation and the service-area check runs on it.
 */
export const geocodeQuerySchema = z.object({ address: z.string().trim().min(5).max(300) });

export const geocodeResultSchema = z.object({
  coordinates: coordinatesSchema,
  /** The place the service found, in its words, so a person can see it is the right one. */
  displayName: z.string(),
  serviceArea: serviceAreaSchema,
});
export type GeocodeResult = z.infer<typeof geocodeResultSchema>;

const degrees = (max: number) => z.coerce.number<string | number>().min(-max).max(max);

/** Nominatim's `/search?format=json` answer: a list of places, coordinates as strings. */
export const nominatimAnswerSchema = z.array(
  z.object({ lat: degrees(90), lon: degrees(180), display_name: z.string().default('') }),
);

/** How long the server waits for the lookup service before telling the user it did not answer. */
export const geocoderTimeoutMs = 5000;
