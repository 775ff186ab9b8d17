import type { OrganizationSettings } from '@hearth/domain';

/** Where the map's tiles come from: a URL template on this service and who to credit for them. */
export interface MapTiles {
  url: string;
  attribution: string;
}

export interface LatLon {
  lat: number;
  lon: number;
}

/** The organization's tile source, or null when none is set (the pictures fall back to drawings). */
export function tilesFromSettings(s: Pick<OrganizationSettings, 'travel'> | undefined): MapTiles | null {
  const url = s?.travel.mapTileUrl;
  return url ? { url, attribution: s?.travel.mapAttribution ?? '' } : null;
}

/**
 * Leaflet puts attributions into the page as markup; the setting is plain text, so it is escaped
 * here (the settings schema refuses < and > as well, this keeps older stored values harmless).
 */
export function attributionMarkup(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Five decimals are about a metre: finer than a pin dropped by hand can mean. */
export function roundPoint(p: LatLon): LatLon {
  const r = (n: number) => Math.round(n * 1e5) / 1e5;
  // a pin dragged across the antimeridian comes back outside ±180
  const lon = ((((p.lon + 180) % 360) + 360) % 360) - 180;
  return { lat: r(Math.max(-90, Math.min(90, p.lat))), lon: r(lon) };
}

/** Typed latitude and longitude fields as a point, when both hold valid degrees. */
export function pointFromFields(lat: string, lon: string): LatLon | null {
  const parse = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.replace(',', '.')));
  const a = parse(lat);
  const b = parse(lon);
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(a) > 90 || Math.abs(b) > 180) return null;
  return { lat: a, lon: b };
}
