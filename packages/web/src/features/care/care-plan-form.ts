import { type CarePlanContent, type Discipline, disciplines, type IllnessPhase } from '@hearth/domain';

/**
 * The care-plan editor's working copy, shaped for inputs: numbers and lists as strings, one
 * frequency row per discipline (mode "none" means the discipline does not visit), and
 * interventions one per line. `contentOf` turns it back into the body the API validates.
 */
export type FrequencyMode = 'none' | 'weekly' | 'interval' | 'as_needed';

export interface CarePlanFormValues {
  phase: IllnessPhase;
  reviewDate: string;
  keyWorkerId: string;
  anyTime: boolean;
  preferredFrom: string;
  preferredTo: string;
  weekdays: number[];
  frequencies: Record<Discipline, { mode: FrequencyMode; count: string; durationMinutes: string }>;
  items: {
    key: string;
    discipline: Discipline;
    problem: string;
    goal: string;
    interventions: string;
    ownerId: string;
  }[];
  reason: string;
}

let nextKey = 0;
export const newItemKey = () => `item-${++nextKey}`;

export function formValuesOf(content: CarePlanContent | null, today: string): CarePlanFormValues {
  const frequencies = Object.fromEntries(
    disciplines.map((d) => {
      const f = content?.frequencies.find((x) => x.discipline === d);
      return [
        d,
        {
          mode: (f?.mode ?? 'none') as FrequencyMode,
          count: String(f?.mode === 'weekly' ? (f.timesPerWeek ?? '') : (f?.everyDays ?? '')),
          durationMinutes: String(f?.durationMinutes ?? 45),
        },
      ];
    }),
  ) as CarePlanFormValues['frequencies'];
  return {
    phase: content?.phase ?? 'stable',
    reviewDate: content?.reviewDate ?? today,
    keyWorkerId: content?.keyWorkerId ?? '',
    anyTime: !content?.preferredTimes,
    preferredFrom: content?.preferredTimes?.from ?? '09:00',
    preferredTo: content?.preferredTimes?.to ?? '17:00',
    weekdays: content?.preferredTimes?.weekdays ?? [],
    frequencies,
    items: (content?.items ?? []).map((i) => ({
      key: newItemKey(),
      discipline: i.discipline,
      problem: i.problem,
      goal: i.goal,
      interventions: i.interventions.join('\n'),
      ownerId: i.ownerId ?? '',
    })),
    reason: '',
  };
}

/** The content for `carePlanContentSchema` (the server validates it again). */
export function contentOf(v: CarePlanFormValues): CarePlanContent {
  return {
    phase: v.phase,
    reviewDate: v.reviewDate,
    keyWorkerId: v.keyWorkerId || null,
    preferredTimes: v.anyTime
      ? null
      : { from: v.preferredFrom, to: v.preferredTo, weekdays: [...v.weekdays].sort((a, b) => a - b) },
    frequencies: disciplines.flatMap((d): CarePlanContent['frequencies'] => {
      const f = v.frequencies[d];
      if (f.mode === 'none') return [];
      const durationMinutes = Number(f.durationMinutes) || 45;
      if (f.mode === 'weekly')
        return [{ discipline: d, mode: f.mode, timesPerWeek: Number(f.count), durationMinutes }];
      if (f.mode === 'interval')
        return [{ discipline: d, mode: f.mode, everyDays: Number(f.count), durationMinutes }];
      return [{ discipline: d, mode: f.mode, durationMinutes }];
    }),
    items: v.items.map((i) => ({
      discipline: i.discipline,
      problem: i.problem.trim(),
      goal: i.goal.trim(),
      interventions: i.interventions
        .split('\n')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
      ownerId: i.ownerId || null,
    })),
  };
}
