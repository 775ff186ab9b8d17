import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import { type RefObject, useEffect, useState } from 'react';
import { attributionMarkup, type MapTiles } from './map-tiles.ts';

/**
 * A Leaflet map in the given element with the organization's tiles, made once per tile source and
 * removed with the component. Tiles come from this service's own address (the content security
 * policy allows images from nowhere else), so the map works without internet.
 */
export function useLeafletMap(ref: RefObject<HTMLElement | null>, tiles: MapTiles): L.Map | null {
  const [map, setMap] = useState<L.Map | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const m = L.map(el, { zoomSnap: 0.5, scrollWheelZoom: false });
    // the Leaflet link and flag are not the data's owner; the configured credit is what is owed
    m.attributionControl.setPrefix(false);
    L.tileLayer(tiles.url, {
      attribution: attributionMarkup(tiles.attribution),
      maxZoom: 19,
      minZoom: 2,
    }).addTo(m);
    setMap(m);
    return () => {
      setMap(null);
      m.remove();
    };
  }, [ref, tiles.url, tiles.attribution]);
  return map;
}

/** A small marker drawn by the page (no image files): a coloured disc or square with a label. */
export function labelIcon(options: {
  text: string;
  color: string;
  shape?: 'disc' | 'square';
  className: string;
}): L.DivIcon {
  const label = document.createElement('span');
  label.textContent = options.text;
  label.style.cssText = [
    'display:flex',
    'align-items:center',
    'justify-content:center',
    'width:22px',
    'height:22px',
    `border-radius:${options.shape === 'square' ? '3px' : '11px'}`,
    `background:${options.color}`,
    'color:#fff',
    'font:600 11px/1 sans-serif',
    'border:2px solid #fff',
    'box-shadow:0 0 2px rgba(0,0,0,.6)',
  ].join(';');
  return L.divIcon({ html: label, className: options.className, iconSize: [22, 22], iconAnchor: [11, 11] });
}

/** Text for a tooltip as an element, so names are never read as markup. */
export function textElement(text: string): HTMLElement {
  const el = document.createElement('span');
  el.textContent = text;
  return el;
}
