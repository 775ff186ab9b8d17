import { describe, expect, it } from 'vitest';
import { fitProjection } from './map-projection.ts';

const minsk = [
  { lat: 53.9, lon: 27.56 },
  { lat: 53.95, lon: 27.7 },
  { lat: 53.85, lon: 27.45 },
];
const box = { width: 600, height: 400, pad: 24 };

describe('route map projection', () => {
  it('puts every point inside the picture, north up and east right', () => {
    const project = fitProjection(minsk, box);
    for (const p of minsk.map(project)) {
      expect(p.x).toBeGreaterThanOrEqual(box.pad - 0.01);
      expect(p.x).toBeLessThanOrEqual(box.width - box.pad + 0.01);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(box.height);
    }
    expect(project(minsk[1]!).y).toBeLessThan(project(minsk[2]!).y);
    expect(project(minsk[1]!).x).toBeGreaterThan(project(minsk[2]!).x);
  });
});
