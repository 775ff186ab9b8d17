import type { MeasureId } from '@hearth/domain';
import { accessMeasures } from './access.repository.ts';
import { endOfLifeMeasures } from './end-of-life.repository.ts';
import { familyMeasures } from './family.repository.ts';
import type { ItemsQuery } from './measure-sql.repository.ts';
import { medicineMeasures } from './medicines.repository.ts';
import { oncallMeasures, rescueDoseMeasure } from './oncall.repository.ts';
import { programmeMeasures } from './programmes.repository.ts';
import { symptomMeasures } from './symptoms.repository.ts';
import { teamMeasures } from './team.repository.ts';

/** Every measure of the domain's catalogue with its SQL; the compiler checks none is missing. */
export const measureQueries: Record<MeasureId, ItemsQuery> = {
  ...accessMeasures,
  ...symptomMeasures,
  ...oncallMeasures,
  ...rescueDoseMeasure,
  ...medicineMeasures,
  ...endOfLifeMeasures,
  ...teamMeasures,
  ...familyMeasures,
  ...programmeMeasures,
};
