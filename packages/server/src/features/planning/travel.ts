import { estimateMatrix, type LatLon, type TravelSettings } from '@hearth/domain';

export interface TravelMatrix {
  minutes: number[][];
  km: number[][];
  source: 'table' | 'estimate';
}

interface TableAnswer {
  code?: string;
  durations?: (number | null)[][];
  distances?: (number | null)[][];
}

/**
 * Travel times and distances between points. With an OSRM-compatible table service configured,
 * asks it (`/table/v1/driving/lon,lat;…?annotations=duration,distance`); if it does not answer in
 * time, refuses, or answers nonsense, uses the estimate (great-circle × road factor ÷ speed).
 * Pairs the service cannot route are estimated too.
 */
export async function travelMatrix(points: LatLon[], settings: TravelSettings): Promise<TravelMatrix> {
  const estimate = estimateMatrix(points, settings);
  if (!settings.tableUrl || points.length < 2) return { ...estimate, source: 'estimate' };
  try {
    const coords = points.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(';');
    const url = `${settings.tableUrl.replace(/\/$/, '')}/table/v1/driving/${coords}?annotations=duration,distance`;
    const res = await fetch(url, { signal: AbortSignal.timeout(settings.tableTimeoutMs) });
    if (!res.ok) return { ...estimate, source: 'estimate' };
    const body = (await res.json()) as TableAnswer;
    const n = points.length;
    const ok = (m: unknown): m is (number | null)[][] =>
      Array.isArray(m) && m.length === n && m.every((row) => Array.isArray(row) && row.length === n);
    if (body.code !== 'Ok' || !ok(body.durations)) return { ...estimate, source: 'estimate' };
    const durations = body.durations;
    const distances = ok(body.distances) ? body.distances : null;
    const minutes = estimate.minutes.map((row, i) =>
      row.map((est, j) => {
        const s = durations[i]![j];
        return typeof s === 'number' && Number.isFinite(s) ? s / 60 : est;
      }),
    );
    const km = estimate.km.map((row, i) =>
      row.map((est, j) => {
        const m = distances?.[i]?.[j];
        return typeof m === 'number' && Number.isFinite(m) ? m / 1000 : est;
      }),
    );
    return { minutes, km, source: 'table' };
  } catch {
    return { ...estimate, source: 'estimate' };
  }
}
