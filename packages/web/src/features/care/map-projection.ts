/**
 * Web Mercator fitted to a box, for the schematic route drawing used when the organization has no
 * tile source: the routes are drawn at whatever scale fills the picture. (With tiles, Leaflet
 * draws the street map; see components/map.)
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

export function fitProjection(
  points: LatLon[],
  box: { width: number; height: number; pad: number },
): (p: LatLon) => { x: number; y: number } {
  const ws = points.map(worldPoint);
  const minX = Math.min(...ws.map((p) => p.x));
  const maxX = Math.max(...ws.map((p) => p.x));
  const minY = Math.min(...ws.map((p) => p.y));
  const maxY = Math.max(...ws.map((p) => p.y));
  const fit = Math.min(
    (box.width - 2 * box.pad) / Math.max(maxX - minX, 1e-6),
    (box.height - 2 * box.pad) / Math.max(maxY - minY, 1e-6),
  );
  const scale = Math.min(fit, 2 ** 18);
  // centre the points in the box
  const offX = box.width / 2 - ((minX + maxX) / 2) * scale;
  const offY = box.height / 2 - ((minY + maxY) / 2) * scale;
  return (p: LatLon) => {
    const w = worldPoint(p);
    return { x: w.x * scale + offX, y: w.y * scale + offY };
  };
}
