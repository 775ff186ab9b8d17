import { describe, expect, it } from 'vitest';
import { fitProjection, tileUrl, worldPoint } from './map-projection.ts';

const minsk = [
  { lat: 53.9, lon: 27.56 },
  { lat: 53.95, lon: 27.7 },
  { lat: 53.85, lon: 27.45 },
];
const box = { width: 600, height: 400, pad: 24 };

describe('route map projection', () => {
  it('puts every point inside the picture, north up and east right', () => {
    const { project } = fitProjection(minsk, box, false);
    for (const p of minsk.map(project)) {
      expect(p.x).toBeGreaterThanOrEqual(box.pad - 0.01);
      expect(p.x).toBeLessThanOrEqual(box.width - box.pad + 0.01);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(box.height);
    }
    expect(project(minsk[1]!).y).toBeLessThan(project(minsk[2]!).y);
    expect(project(minsk[1]!).x).toBeGreaterThan(project(minsk[2]!).x);
  });

  it('lines the tiles up with the points at a whole zoom level', () => {
    const { project, tiles } = fitProjection(minsk, box, true);
    expect(tiles.length).toBeGreaterThan(0);
    const z = tiles[0]!.z;
    // the tile holding a point is where the point is drawn
    const w = worldPoint(minsk[0]!);
    const tx = Math.floor((w.x * 2 ** z) / 256);
    const ty = Math.floor((w.y * 2 ** z) / 256);
    const tile = tiles.find((t) => t.x === tx && t.y === ty)!;
    const p = project(minsk[0]!);
    expect(p.x).toBeGreaterThanOrEqual(tile.left);
    expect(p.x).toBeLessThan(tile.left + 256);
    expect(p.y).toBeGreaterThanOrEqual(tile.top);
    expect(p.y).toBeLessThan(tile.top + 256);
  });

  it('fills the tile template', () => {
    expect(tileUrl('/tiles/{z}/{x}/{y}.png', { z: 11, x: 1180, y: 660 })).toBe('/tiles/11/1180/660.png');
  });
});
