import type { Problem } from './model.ts';

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle (haversine) distance in kilometres between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Builds the row-major travel time and distance matrices of a validated problem. */
export function buildTravel(problem: Problem): { nLoc: number; time: Float64Array; dist: Float64Array } {
  const tm = problem.travel;
  if (tm.type === 'matrix') {
    const n = tm.durations.length;
    const time = new Float64Array(n * n);
    const dist = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const t = tm.durations[i]![j]!;
        time[i * n + j] = t;
        dist[i * n + j] = tm.distances ? tm.distances[i]![j]! : t;
      }
    }
    return { nLoc: n, time, dist };
  }
  const locs = problem.locations ?? [];
  const n = locs.length;
  const time = new Float64Array(n * n);
  const dist = new Float64Array(n * n);
  if (tm.type === 'euclidean') {
    const speed = tm.speed ?? 1;
    for (let i = 0; i < n; i++) {
      const a = locs[i]!;
      for (let j = 0; j < n; j++) {
        const b = locs[j]!;
        const d = Math.sqrt(((a.x ?? 0) - (b.x ?? 0)) ** 2 + ((a.y ?? 0) - (b.y ?? 0)) ** 2);
        dist[i * n + j] = d;
        time[i * n + j] = d / speed;
      }
    }
  } else {
    const factor = tm.roadFactor ?? 1.3;
    const speed = tm.speedKmh ?? 50;
    for (let i = 0; i < n; i++) {
      const a = locs[i]!;
      for (let j = 0; j < n; j++) {
        const b = locs[j]!;
        const d = i === j ? 0 : haversineKm(a.lat ?? 0, a.lon ?? 0, b.lat ?? 0, b.lon ?? 0) * factor;
        dist[i * n + j] = d;
        time[i * n + j] = (d / speed) * 60;
      }
    }
  }
  return { nLoc: n, time, dist };
}
