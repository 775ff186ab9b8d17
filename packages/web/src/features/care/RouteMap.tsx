import type { BoardRoute } from '@hearth/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RoutesMap } from '../../components/map/RoutesMap.tsx';
import { useMapSettings } from '../../components/map/use-map-settings.ts';
import { RouteSchematic } from './RouteSchematic.tsx';

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
 * The day's routes with a legend. With the organization's tile source (a local tile server,
 * settings → travel) they are drawn on a street map; without one, as a schematic drawing from the
 * coordinates, which needs nothing but the browser.
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
  const { tiles } = useMapSettings();
  const attribution = tiles?.url === tileTemplate ? tiles.attribution : '';
  const mapRoutes = useMemo(
    () =>
      routes.map((r, i) => ({
        key: r.staffId,
        color: routeColors[i % routeColors.length]!,
        stops: r.stops.flatMap((s) =>
          s.coordinates
            ? [{ ...s.coordinates, id: s.visitId, title: `${r.staffName}: ${s.start} ${s.patientName}` }]
            : [],
        ),
      })),
    [routes],
  );
  const shown = routes.filter((r) => r.stops.length > 0);
  return (
    <figure style={{ margin: 0 }}>
      {tileTemplate ? (
        <RoutesMap
          tiles={{ url: tileTemplate, attribution }}
          base={base}
          baseTitle={t('care.dispatch.base')}
          routes={mapRoutes}
          label={t('care.dispatch.map')}
        />
      ) : (
        <RouteSchematic base={base} routes={mapRoutes} label={t('care.dispatch.map')} />
      )}
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
              <li
                key={r.staffId}
                data-testid="route-legend-item"
                style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 13 }}
              >
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
