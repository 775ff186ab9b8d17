import { settingsRoutes } from '@hearth/domain';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { type LatLon, type MapTiles, tilesFromSettings } from './map-tiles.ts';

/**
 * What the maps need from the organization's settings: the tile source (none = no street map),
 * the base to open on, and whether an address lookup service is set. Shares the settings page's
 * cache entry, so a saved change shows at once.
 */
export function useMapSettings(): { tiles: MapTiles | null; base: LatLon | null; geocoder: boolean } {
  const settings = useQuery({
    queryKey: ['settings'],
    queryFn: () => call(settingsRoutes.get),
    staleTime: 60_000,
  });
  const s = settings.data;
  return { tiles: tilesFromSettings(s), base: s?.base ?? null, geocoder: Boolean(s?.geocoderUrl) };
}
