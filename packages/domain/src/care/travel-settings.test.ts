import { describe, expect, it } from 'vitest';
import { travelSettingsSchema } from './travel.ts';

const parse = (travel: Record<string, unknown>) => travelSettingsSchema.safeParse(travel);

describe('map settings', () => {
  it('has no tiles and no credit by default', () => {
    expect(travelSettingsSchema.parse({})).toMatchObject({ mapTileUrl: null, mapAttribution: '' });
  });

  it('takes tiles only from a path on this service with {z}, {x} and {y}', () => {
    expect(parse({ mapTileUrl: '/tiles/{z}/{x}/{y}.png' }).success).toBe(true);
    expect(parse({ mapTileUrl: 'https://tile.example.org/{z}/{x}/{y}.png' }).success).toBe(false);
    expect(parse({ mapTileUrl: '//tile.example.org/{z}/{x}/{y}.png' }).success).toBe(false);
    expect(parse({ mapTileUrl: '/tiles/{z}/{x}.png' }).success).toBe(false);
  });

  it('takes the map credit as plain text', () => {
    expect(parse({ mapAttribution: '© OpenStreetMap contributors' }).success).toBe(true);
    expect(parse({ mapAttribution: '<a href="x">OSM</a>' }).success).toBe(false);
    expect(parse({ mapAttribution: 'x'.repeat(201) }).success).toBe(false);
  });
});
