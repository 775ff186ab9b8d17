import { z } from 'zod';
import { greatCircleKm, type LatLon } from '../common/geo.ts';

/**
 * Travel between homes when no road-routing service answers: great-circle distance × a road
 * factor ÷ an average speed (issue 5). Road networks are typically 1.2–1.4 times longer than the
 * straight line; 1.3 is the planner's default too. Both are organization settings.
 */
export const travelSettingsSchema = z.object({
  roadFactor: z.number().min(1).max(3).default(1.3),
  speedKmh: z.number().min(5).max(120).default(40),
  /** An OSRM-compatible `table` service (e.g. http://osrm.local:5000); empty = estimate only. */
  tableUrl: z.url().nullable().default(null),
  /** How long to wait for the table service before falling back to the estimate. */
  tableTimeoutMs: z.number().int().min(100).max(30_000).default(2000),
  /**
   * Map tiles drawn under the dispatch board's routes, as a URL template on this service's own
   * address, e.g. /tiles/{z}/{x}/{y}.png (a local tile server behind the same reverse proxy: no
   * internet is assumed, and the content security policy only allows images from the service
   * itself). Null draws the routes on a plain background.
   */
  mapTileUrl: z
    .string()
    .trim()
    .regex(
      /^\/[^\s]*\{z\}[^\s]*\{x\}[^\s]*\{y\}[^\s]*$/,
      'A path on this service with {z}, {x} and {y}, e.g. /tiles/{z}/{x}/{y}.png',
    )
    .refine((u) => !u.startsWith('//'), 'A path on this service, not another address')
    .nullable()
    .default(null),
  /**
   * Who the map data and tiles come from, shown in the map's corner (e.g. "© OpenStreetMap
   * contributors", which the OpenStreetMap licence requires). Shown as plain text, never as markup.
   */
  mapAttribution: z
    .string()
    .trim()
    .max(200)
    .refine((a) => !/[<>]/.test(a), 'Plain text, without < or >')
    .default(''),
});
export type TravelSettings = z.infer<typeof travelSettingsSchema>;

export interface TravelLeg {
  minutes: number;
  km: number;
}

export function estimateTravel(
  a: LatLon,
  b: LatLon,
  s: Pick<TravelSettings, 'roadFactor' | 'speedKmh'>,
): TravelLeg {
  const km = greatCircleKm(a, b) * s.roadFactor;
  return { km, minutes: (km / s.speedKmh) * 60 };
}

/** Square matrices of minutes and kilometres between the given points, by the estimate. */
export function estimateMatrix(points: LatLon[], s: Pick<TravelSettings, 'roadFactor' | 'speedKmh'>) {
  const minutes = points.map((a) => points.map((b) => (a === b ? 0 : estimateTravel(a, b, s).minutes)));
  const km = points.map((a) => points.map((b) => (a === b ? 0 : estimateTravel(a, b, s).km)));
  return { minutes, km };
}
