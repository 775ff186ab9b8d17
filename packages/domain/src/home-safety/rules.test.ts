import { describe, expect, it } from 'vitest';
import { oxygenCheckComplete, unmetWithoutAction } from './schemas.ts';

const oxygen = (answer: string) => [
  { key: 'oxygen_ventilation', answer: 'met' },
  { key: 'oxygen_no_flame_smoking', answer },
  { key: 'oxygen_tubes_cables', answer: 'met' },
];

describe('home safety', () => {
  it('asks for an action with an owner for every unmet item', () => {
    expect(
      unmetWithoutAction({
        items: [
          { key: 'lighting', answer: 'unmet' },
          { key: 'bed_both_sides', answer: 'unmet' },
        ],
        actions: [{ itemKey: 'lighting', description: 'Night light', ownerName: 'Сын' }],
      }),
    ).toEqual(['bed_both_sides']);
  });

  it('treats the oxygen check as complete only when every oxygen item is met or its action is done', () => {
    expect(oxygenCheckComplete([])).toBeNull();
    expect(oxygenCheckComplete([{ id: 'a', createdAt: '1', items: oxygen('met'), actions: [] }])).toBe('a');
    const unmet = {
      id: 'b',
      createdAt: '2',
      items: oxygen('unmet'),
      actions: [{ itemKey: 'oxygen_no_flame_smoking', status: 'open' }],
    };
    expect(
      oxygenCheckComplete([{ id: 'a', createdAt: '1', items: oxygen('met'), actions: [] }, unmet]),
    ).toBeNull();
    expect(
      oxygenCheckComplete([{ ...unmet, actions: [{ itemKey: 'oxygen_no_flame_smoking', status: 'done' }] }]),
    ).toBe('b');
    expect(
      oxygenCheckComplete([
        { id: 'c', createdAt: '1', items: [{ key: 'lighting', answer: 'met' }], actions: [] },
      ]),
    ).toBeNull();
  });
});
