import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app-context.ts';

/** A feature's HTTP routes: registered under `/api/v1` with the app's dependencies. */
export type FeatureRoutes = (app: ZodApp, deps: AppDeps) => void;
export type ZodApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export const zodApp = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
