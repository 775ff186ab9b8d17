/**
 * Web Mercator (the projection of ordinary map tiles), fitted to a box. Without tiles the routes
 * are drawn at whatever scale fills the picture; with tiles the scale is a whole zoom level so
 * that the 256-pixel tiles line up with the drawn points.
 */
export interface LatLon {
  lat: number;
  lon: number;
}

const tileSize = 256;
/** Position on the zoom-0 world (0..256 on both axes). */
export function worldPoint(p: LatLon) {
  const lat = Math.max(-85.05, Math.min(85.05, p.lat)) * (Math.PI / 180);
  return {
    x: ((p.lon + 180) / 360) * tileSize,
    y: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * tileSize,
  };
}

export interface Fitted {
  project: (p: LatLon) => { x: number; y: number };
  /** Tiles covering the box, when a tile zoom was asked for. */
  tiles: { z: number; x: number; y: number; left: number; top: number; size: number }[];
}

export function fitProjection(
  points: LatLon[],
  box: { width: number; height: number; pad: number },
  withTiles: boolean,
): Fitted {
  const ws = points.map(worldPoint);
  const minX = Math.min(...ws.map((p) => p.x));
  const maxX = Math.max(...ws.map((p) => p.x));
  const minY = Math.min(...ws.map((p) => p.y));
  const maxY = Math.max(...ws.map((p) => p.y));
  const fit = Math.min(
    (box.width - 2 * box.pad) / Math.max(maxX - minX, 1e-6),
    (box.height - 2 * box.pad) / Math.max(maxY - minY, 1e-6),
  );
  const z = Math.max(0, Math.min(18, Math.floor(Math.log2(fit))));
  const scale = withTiles ? 2 ** z : Math.min(fit, 2 ** 18);
  // centre the points in the box
  const offX = box.width / 2 - ((minX + maxX) / 2) * scale;
  const offY = box.height / 2 - ((minY + maxY) / 2) * scale;
  const project = (p: LatLon) => {
    const w = worldPoint(p);
    return { x: w.x * scale + offX, y: w.y * scale + offY };
  };
  const tiles: Fitted['tiles'] = [];
  if (withTiles) {
    const n = 2 ** z;
    const first = (off: number) => Math.floor(-off / tileSize);
    const last = (off: number, size: number) => Math.floor((size - off) / tileSize);
    for (let tx = first(offX); tx <= last(offX, box.width); tx++)
      for (let ty = first(offY); ty <= last(offY, box.height); ty++)
        if (tx >= 0 && ty >= 0 && tx < n && ty < n)
          tiles.push({
            z,
            x: tx,
            y: ty,
            left: tx * tileSize + offX,
            top: ty * tileSize + offY,
            size: tileSize,
          });
  }
  return { project, tiles };
}

/** Fills a `{z}/{x}/{y}` template. */
export const tileUrl = (template: string, t: { z: number; x: number; y: number }) =>
  template.replace('{z}', String(t.z)).replace('{x}', String(t.x)).replace('{y}', String(t.y));
