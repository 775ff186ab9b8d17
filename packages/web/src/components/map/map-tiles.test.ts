import { describe, expect, it } from 'vitest';
import { attributionMarkup, pointFromFields, roundPoint, tilesFromSettings } from './map-tiles.ts';

describe('map tiles', () => {
  it('has no tile source until one is set', () => {
    expect(tilesFromSettings(undefined)).toBeNull();
    const travel = { mapTileUrl: null, mapAttribution: '' } as never;
    expect(tilesFromSettings({ travel })).toBeNull();
    const set = { mapTileUrl: '/tiles/{z}/{x}/{y}.png', mapAttribution: '© OSM' } as never;
    expect(tilesFromSettings({ travel: set })).toEqual({
      url: '/tiles/{z}/{x}/{y}.png',
      attribution: '© OSM',
    });
  });

  it('shows the attribution as text, never as markup', () => {
    expect(attributionMarkup('<img src=x onerror=alert(1)> & "co"')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot;',
    );
  });

  it('rounds a dropped pin to about a metre and brings it back within ±180°', () => {
    expect(roundPoint({ lat: 53.9023456789, lon: 27.5612345678 })).toEqual({ lat: 53.90235, lon: 27.56123 });
    expect(roundPoint({ lat: 10, lon: 190 })).toEqual({ lat: 10, lon: -170 });
  });

  it('reads typed degrees, with a comma or a point, and refuses the impossible', () => {
    expect(pointFromFields('53,9', '27.56')).toEqual({ lat: 53.9, lon: 27.56 });
    expect(pointFromFields('', '27.5')).toBeNull();
    expect(pointFromFields('95', '27.5')).toBeNull();
    expect(pointFromFields('north', '27.5')).toBeNull();
  });
});
