import type { MapRoute } from '../../components/map/RoutesMap.tsx';
import { fitProjection } from './map-projection.ts';

/**
 * The routes drawn from the coordinates alone as SVG (no tiles, no internet): straight lines from
 * the base through the homes in visiting order and back, the visits numbered.
 */
export function RouteSchematic({
  base,
  routes,
  label,
}: {
  base: { lat: number; lon: number };
  routes: MapRoute[];
  label: string;
}) {
  const w = 600;
  const h = 400;
  const project = fitProjection([base, ...routes.flatMap((r) => r.stops)], { width: w, height: h, pad: 24 });
  const b = project(base);
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={label}
      style={{ width: '100%', maxWidth: w, background: '#f8f9fa', borderRadius: 8 }}
      data-testid="route-map"
      data-map="schematic"
    >
      {routes.map((r) => {
        const line = [b, ...r.stops.map(project), b];
        return (
          <g key={r.key}>
            <polyline
              points={line.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
              fill="none"
              stroke={r.color}
              strokeWidth={2}
              opacity={0.8}
            />
            {r.stops.map((s, k) => {
              const p = project(s);
              return (
                <g key={s.id}>
                  <circle cx={p.x} cy={p.y} r={9} fill={r.color} />
                  <text x={p.x} y={p.y + 4} textAnchor="middle" fontSize={10} fill="#fff">
                    {k + 1}
                  </text>
                  <title>{s.title}</title>
                </g>
              );
            })}
          </g>
        );
      })}
      <rect x={b.x - 7} y={b.y - 7} width={14} height={14} fill="#212529" />
    </svg>
  );
}
