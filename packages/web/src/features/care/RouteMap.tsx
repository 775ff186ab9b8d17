import type { BoardRoute } from '@hearth/domain';
import { useTranslation } from 'react-i18next';
import { fitProjection, tileUrl } from './map-projection.ts';

export const routeColors = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#d6336c',
  '#0c8599',
  '#f08c00',
  '#5c7cfa',
  '#66a80f',
  '#c2255c',
];

/**
 * The day's routes drawn from coordinates as SVG, with no internet needed. When the organization
 * has a tile source (a local tile server, settings → travel), the map tiles are drawn underneath.
 */
export function RouteMap({
  base,
  routes,
  tileTemplate = null,
}: {
  base: { lat: number; lon: number };
  routes: BoardRoute[];
  tileTemplate?: string | null;
}) {
  const { t } = useTranslation();
  const pts = [
    base,
    ...routes.flatMap((r) => r.stops.flatMap((s) => (s.coordinates ? [s.coordinates] : []))),
  ];
  const w = 600;
  const h = 400;
  const { project, tiles } = fitProjection(pts, { width: w, height: h, pad: 24 }, Boolean(tileTemplate));
  const b = project(base);
  const shown = routes.filter((r) => r.stops.length > 0);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={t('care.dispatch.map')}
        style={{ width: '100%', maxWidth: w, background: '#f8f9fa', borderRadius: 8 }}
        data-testid="route-map"
      >
        {tileTemplate &&
          tiles.map((tile) => (
            <image
              key={`${tile.z}/${tile.x}/${tile.y}`}
              href={tileUrl(tileTemplate, tile)}
              x={tile.left}
              y={tile.top}
              width={tile.size}
              height={tile.size}
              data-testid="map-tile"
            />
          ))}
        {routes.map((r, i) => {
          const color = routeColors[i % routeColors.length];
          const line = [b, ...r.stops.flatMap((s) => (s.coordinates ? [project(s.coordinates)] : [])), b];
          return (
            <g key={r.staffId}>
              <polyline
                points={line.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
                fill="none"
                stroke={color}
                strokeWidth={2}
                opacity={0.8}
              >
                <title>{r.staffName}</title>
              </polyline>
              {r.stops.map((s, k) => {
                if (!s.coordinates) return null;
                const p = project(s.coordinates);
                return (
                  <g key={s.visitId}>
                    <circle cx={p.x} cy={p.y} r={9} fill={color} />
                    <text x={p.x} y={p.y + 4} textAnchor="middle" fontSize={10} fill="#fff">
                      {k + 1}
                    </text>
                    <title>{`${r.staffName}: ${s.start} ${s.patientName}`}</title>
                  </g>
                );
              })}
            </g>
          );
        })}
        <rect x={b.x - 7} y={b.y - 7} width={14} height={14} fill="#212529">
          <title>{t('care.dispatch.base')}</title>
        </rect>
      </svg>
      {/* the legend: whose route each colour is, the base, and what the numbers mean */}
      <figcaption data-testid="route-legend">
        <ul
          style={{
            listStyle: 'none',
            padding: 0,
            margin: '8px 0 0',
            display: 'flex',
            flexWrap: 'wrap',
            gap: 12,
          }}
        >
          {routes.map((r, i) =>
            r.stops.length > 0 ? (
              <li key={r.staffId} style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 13 }}>
                <span
                  aria-hidden
                  style={{
                    width: 14,
                    height: 14,
                    borderRadius: 7,
                    background: routeColors[i % routeColors.length],
                  }}
                />
                {t('care.dispatch.legend.route', { name: r.staffName, count: r.stops.length })}
              </li>
            ) : null,
          )}
          <li style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 13 }}>
            <span aria-hidden style={{ width: 12, height: 12, background: '#212529' }} />
            {t('care.dispatch.base')}
          </li>
        </ul>
        <p style={{ fontSize: 12, color: '#495057', margin: '4px 0 0' }}>
          {tileTemplate
            ? t('care.dispatch.legend.numbers')
            : t('care.dispatch.legend.schematic', { count: shown.length })}
        </p>
      </figcaption>
    </figure>
  );
}
