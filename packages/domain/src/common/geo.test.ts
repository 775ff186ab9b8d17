import { describe, expect, it } from 'vitest';
import { ageInYears, isChild } from './age.ts';
import { checkServiceArea, greatCircleKm } from './geo.ts';

describe('service area', () => {
  const minsk = { lat: 53.9006, lon: 27.559 };
  it('measures Minsk to Brest as about 326 km', () => {
    expect(greatCircleKm(minsk, { lat: 52.0976, lon: 23.7341 })).toBeGreaterThan(315);
    expect(greatCircleKm(minsk, { lat: 52.0976, lon: 23.7341 })).toBeLessThan(335);
  });
  it('puts Barysaw inside and Brest outside a 250 km radius', () => {
    expect(checkServiceArea(minsk, { lat: 54.2279, lon: 28.505 }, 250).inside).toBe(true);
    expect(checkServiceArea(minsk, { lat: 52.0976, lon: 23.7341 }, 250).inside).toBe(false);
  });
});

describe('age', () => {
  it('counts whole years and turns adult on the 18th birthday', () => {
    expect(ageInYears('2008-11-24', '2026-11-23')).toBe(17);
    expect(isChild('2008-11-23', '2026-11-23')).toBe(false);
    expect(isChild('2008-11-24', '2026-11-23')).toBe(true);
  });
});
