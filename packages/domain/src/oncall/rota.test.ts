import { describe, expect, it } from 'vitest';
import { alertDeadline, alertSettingsSchema } from '../alerts/schemas.ts';
import { onCallChain, type RotaShift, rotaGaps } from './rota.ts';

const at = (h: number) => new Date(Date.UTC(2026, 10, 23, h));
const shift = (
  userId: string,
  from: number,
  to: number,
  position: RotaShift['position'] = 'primary',
): RotaShift => ({
  userId,
  startsAt: at(from),
  endsAt: at(to),
  position,
});

describe('the on-call chain', () => {
  const rota = [
    shift('night', 0, 8),
    shift('day', 8, 20),
    shift('backup', 0, 24, 'backup'),
    shift('eve', 20, 24),
  ];

  it('puts the primary on call first, then the backup, then the medical leads, each once', () => {
    expect(onCallChain(rota, ['lead', 'backup'], ['x'], at(9))).toEqual(['day', 'backup', 'lead']);
    expect(onCallChain(rota, ['lead'], ['x'], at(8))).toEqual(['day', 'backup', 'lead']);
    expect(onCallChain(rota, ['lead'], ['x'], at(7))).toEqual(['night', 'backup', 'lead']);
  });

  it('falls back to every physician when there is no rota and no lead', () => {
    expect(onCallChain([], [], ['p1', 'p2'], at(9))).toEqual(['p1', 'p2']);
    expect(onCallChain([], ['lead'], ['p1'], at(9))).toEqual(['lead']);
  });

  it('finds the hours with no primary on call', () => {
    expect(rotaGaps(rota, at(0), at(24))).toEqual([]);
    expect(rotaGaps([shift('a', 0, 8), shift('b', 10, 20)], at(0), at(24))).toEqual([
      { from: at(8), to: at(10) },
      { from: at(20), to: at(24) },
    ]);
    expect(rotaGaps([shift('b', 0, 24, 'backup')], at(0), at(24))).toEqual([{ from: at(0), to: at(24) }]);
  });
});

describe('alert deadlines', () => {
  it('default to 1 hour for urgent and 24 hours for review (issue 4), and follow the settings', () => {
    const s = alertSettingsSchema.parse({});
    expect(alertDeadline('urgent', at(9), s)).toEqual(at(10));
    expect(alertDeadline('review', at(9), s)).toEqual(new Date(at(9).getTime() + 24 * 3600_000));
    expect(alertDeadline('urgent', at(9), { ...s, urgentMinutes: 30 }).getTime() - at(9).getTime()).toBe(
      30 * 60_000,
    );
  });
});
