export * from './capability.ts';
export * from './code-systems.ts';
export * from './date-search.ts';
export * from './observation-codes.ts';
export * from './operation-outcome.ts';
export * from './referral.ts';
export * from './resource-types.ts';
