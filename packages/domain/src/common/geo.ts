export interface LatLon {
  lat: number;
  lon: number;
}

const earthRadiusKm = 6371.0088; // mean Earth radius (IUGG)

/** Great-circle distance by the haversine formula. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface ServiceAreaCheck {
  distanceKm: number;
  radiusKm: number;
  inside: boolean;
}

export function checkServiceArea(base: LatLon, home: LatLon, radiusKm: number): ServiceAreaCheck {
  const distanceKm = Math.round(greatCircleKm(base, home) * 10) / 10;
  return { distanceKm, radiusKm, inside: distanceKm <= radiusKm };
}
