export { type Compiled, compile } from './compile.ts';
export type * from './model.ts';
export { mankowskaToProblem, parseMankowska } from './readers/mankowska.ts';
export { parseSolomon, type SolomonInstance, solomonToProblem } from './readers/solomon.ts';
export { type UhhcInstance, uhhcToProblem } from './readers/uhhc.ts';
export { replan } from './replan.ts';
export { solve, toPlan, unassignedReason } from './solve.ts';
export { haversineKm } from './travel.ts';
export {
  PlannerInputError,
  type ValidationIssue,
  type ValidationResult,
  validateProblem,
} from './validate.ts';
