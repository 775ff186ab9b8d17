import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { LatLon, MapTiles } from './map-tiles.ts';
import { labelIcon, textElement, useLeafletMap } from './use-leaflet-map.ts';

export interface MapRoute {
  key: string;
  color: string;
  /** Stops in visiting order; each has what its tooltip says. */
  stops: (LatLon & { id: string; title: string })[];
}

/**
 * Routes on a street map: each staff member's day as a coloured line from the base through the
 * homes and back, with the visits numbered in order. The legend and the board beside it say the
 * same in words, so the picture is not the only way to read it.
 */
export function RoutesMap({
  tiles,
  base,
  baseTitle,
  routes,
  label,
}: {
  tiles: MapTiles;
  base: LatLon;
  baseTitle: string;
  routes: MapRoute[];
  label: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const map = useLeafletMap(ref, tiles);
  useEffect(() => {
    if (!map) return;
    const layer = L.layerGroup().addTo(map);
    const home = L.latLng(base.lat, base.lon);
    const all: L.LatLng[] = [home];
    for (const r of routes) {
      if (r.stops.length === 0) continue;
      const points = r.stops.map((s) => L.latLng(s.lat, s.lon));
      all.push(...points);
      L.polyline([home, ...points, home], {
        color: r.color,
        weight: 4,
        opacity: 0.85,
        className: 'route-line',
      }).addTo(layer);
      r.stops.forEach((s, i) => {
        L.marker([s.lat, s.lon], {
          icon: labelIcon({ text: String(i + 1), color: r.color, className: 'route-stop' }),
          keyboard: false,
        })
          .bindTooltip(textElement(s.title))
          .addTo(layer);
      });
    }
    L.marker(home, {
      icon: labelIcon({ text: '', color: '#212529', shape: 'square', className: 'route-base' }),
      keyboard: false,
      // under the numbered visits: homes next to the base must stay readable
      zIndexOffset: -1000,
    })
      .bindTooltip(textElement(baseTitle))
      .addTo(layer);
    if (all.length > 1) map.fitBounds(L.latLngBounds(all), { padding: [24, 24], maxZoom: 16 });
    else map.setView(home, 12);
    return () => {
      layer.remove();
    };
  }, [map, base.lat, base.lon, baseTitle, routes]);
  return (
    <section
      ref={ref}
      aria-label={label}
      data-testid="route-map"
      data-map="tiles"
      style={{ width: '100%', height: 420, borderRadius: 8 }}
    />
  );
}
