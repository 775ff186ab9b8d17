import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import { type LatLon, type MapTiles, roundPoint } from './map-tiles.ts';
import { labelIcon, useLeafletMap } from './use-leaflet-map.ts';

/**
 * A home's place on a street map. A click puts the pin there and the pin can be dragged; each
 * change is handed to `onChange`, so the typed latitude and longitude beside the map (the keyboard
 * way) always show the same point. Without a point the map opens on `center` (the service's base).
 */
export function PinMap({
  tiles,
  value,
  center,
  onChange,
  label,
  pinTitle,
}: {
  tiles: MapTiles;
  value: LatLon | null;
  center: LatLon;
  onChange: (p: LatLon) => void;
  label: string;
  pinTitle: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const map = useLeafletMap(ref, tiles);
  const pin = useRef<L.Marker | null>(null);
  // the latest handler, so the map's listeners (made once) never call a stale one
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!map) return;
    map.setView([center.lat, center.lon], 11);
    const place = (e: L.LeafletMouseEvent) =>
      changed.current(roundPoint({ lat: e.latlng.lat, lon: e.latlng.lng }));
    map.on('click', place);
    return () => {
      map.off('click', place);
      pin.current?.remove();
      pin.current = null;
    };
  }, [map, center.lat, center.lon]);

  // the pin follows the value, whether it came from a click, a drag, a lookup or typing
  useEffect(() => {
    if (!map) return;
    if (!value) {
      pin.current?.remove();
      pin.current = null;
      return;
    }
    const at = L.latLng(value.lat, value.lon);
    if (!pin.current) {
      const marker = L.marker(at, {
        draggable: true,
        title: pinTitle,
        icon: labelIcon({ text: '', color: '#c92a2a', className: 'home-pin' }),
      });
      marker.on('dragend', () => {
        const p = marker.getLatLng();
        changed.current(roundPoint({ lat: p.lat, lon: p.lng }));
      });
      pin.current = marker.addTo(map);
    } else pin.current.setLatLng(at);
    if (!map.getBounds().pad(-0.1).contains(at)) map.setView(at, Math.max(map.getZoom(), 14));
  }, [map, value, pinTitle]);

  return (
    <section
      ref={ref}
      aria-label={label}
      data-testid="pin-map"
      style={{ width: '100%', height: 300, borderRadius: 8 }}
    />
  );
}
