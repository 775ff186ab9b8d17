import { z } from 'zod';
import { alertSchema } from '../alerts/schemas.ts';
import { assessmentPageSchema } from '../assessments/schemas.ts';
import { idSchema, pageOf } from '../common/schemas.ts';
import { patientSchema } from '../patients/schemas.ts';
import { route } from './route-contract.ts';

/** How much of each list the chart opens with; older pages come from the lists' own routes. */
export const chartFirstPage = { assessments: 100, alerts: 100 } as const;

/**
 * What a patient's page paints first, in one request: the record, the newest assessments and the
 * active alerts. A list the reader may not see is `null` (not empty), so the page can tell "none"
 * from "not yours to see".
 */
export const patientChartSchema = z.object({
  patient: patientSchema,
  assessments: assessmentPageSchema.nullable(),
  activeAlerts: pageOf(alertSchema).nullable(),
});
export type PatientChart = z.infer<typeof patientChartSchema>;

export const patientChartRoutes = {
  get: route({
    method: 'GET',
    path: '/patients/:patientId/chart',
    params: z.object({ patientId: idSchema }),
    response: patientChartSchema,
    tags: ['patients'],
  }),
};
