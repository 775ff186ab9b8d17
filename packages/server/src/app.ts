import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { maxDocumentBytes } from '@hearth/domain';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-context.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { pgNotify } from './db/notify.ts';
import { EventBus } from './events/event-bus.ts';
import { eventRoutes } from './events/events.routes.ts';
import { advanceCareRoutes } from './features/advance-care/advance-care.routes.ts';
import { alertJobs } from './features/alerts/alerts.jobs.ts';
import { alertRoutes } from './features/alerts/alerts.routes.ts';
import { assessmentRoutes } from './features/assessments/assessments.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { carePlanRoutes } from './features/care-plans/care-plans.routes.ts';
import { caregiverRoutes } from './features/caregivers/caregivers.routes.ts';
import { caregiverJobs } from './features/caregivers/caregivers.service.ts';
import { commissionRoutes } from './features/commission/commission.routes.ts';
import { emailRoutes } from './features/email/email.routes.ts';
import { emailJobs } from './features/email/email.service.ts';
import type { SmtpTlsOptions } from './features/email/smtp-client.ts';
import { endOfLifeJobs } from './features/end-of-life/end-of-life.jobs.ts';
import { endOfLifeRoutes } from './features/end-of-life/end-of-life.routes.ts';
import { equipmentJobs } from './features/equipment/equipment.jobs.ts';
import { equipmentRoutes } from './features/equipment/equipment.routes.ts';
import { familyRoutes } from './features/family/family.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { homeSafetyRoutes } from './features/home-safety/home-safety.routes.ts';
import { intakeJobs } from './features/intake/intake.jobs.ts';
import { intakeRoutes } from './features/intake/intake.routes.ts';
import { medicinesJobs } from './features/medicines/medicines.jobs.ts';
import { medicineRoutes } from './features/medicines/medicines.routes.ts';
import { notificationRoutes } from './features/notifications/notifications.routes.ts';
import { onCallRoutes } from './features/oncall/oncall.routes.ts';
import { patientRoutes } from './features/patients/patients.routes.ts';
import { planningRoutes } from './features/planning/planning.routes.ts';
import { settled as planningSettled } from './features/planning/planning.service.ts';
import { programmeRoutes } from './features/programmes/programmes.routes.ts';
import { settingsRoutes } from './features/settings/settings.routes.ts';
import { staffRoutes } from './features/staff/staff.routes.ts';
import { supportRoutes } from './features/support/support.routes.ts';
import { visitRoutes } from './features/visits/visits.routes.ts';
import { volunteerRoutes } from './features/volunteers/volunteers.routes.ts';
import { registerErrorHandler } from './http/errors.ts';
import { registerFamilyGate, registerSession } from './http/session.ts';
import { JobRunner } from './jobs/job-runner.ts';

/** Every feature's routes, mounted under `/api/v1`. A new feature adds one line here. */
const features = [
  authRoutes,
  staffRoutes,
  familyRoutes,
  settingsRoutes,
  emailRoutes,
  intakeRoutes,
  commissionRoutes,
  patientRoutes,
  carePlanRoutes,
  visitRoutes,
  planningRoutes,
  auditRoutes,
  notificationRoutes,
  eventRoutes,
  volunteerRoutes,
  programmeRoutes,
  alertRoutes,
  assessmentRoutes,
  onCallRoutes,
  medicineRoutes,
  equipmentRoutes,
  homeSafetyRoutes,
  caregiverRoutes,
  supportRoutes,
  advanceCareRoutes,
  endOfLifeRoutes,
];

/** Durable job handlers by kind. */
const jobHandlers = [
  intakeJobs,
  alertJobs,
  medicinesJobs,
  caregiverJobs,
  equipmentJobs,
  endOfLifeJobs,
  emailJobs,
];

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: () => Date;
  logger?: boolean;
  /** Certificate trust for outgoing email (tests only; see `AppDeps.smtpTls`). */
  smtpTls?: SmtpTlsOptions;
}

export interface HearthApp {
  app: FastifyInstance;
  deps: AppDeps;
  jobs: JobRunner;
  /** Every registered route (tests walk the patient-scoped ones). */
  routes: readonly { method: string; url: string }[];
  close(): Promise<void>;
}

export async function buildApp(options: BuildAppOptions): Promise<HearthApp> {
  const { config, database } = options;
  const events = new EventBus(
    database.kind === 'postgres' ? pgNotify(database.db, EventBus.channel) : undefined,
  );
  const unlisten =
    database.kind === 'postgres' ? await database.listen(EventBus.channel, (p) => events.receive(p)) : null;
  const deps: AppDeps = {
    db: database.db,
    config,
    events,
    clock: options.clock ?? (() => new Date()),
    ...(options.smtpTls ? { smtpTls: options.smtpTls } : {}),
  };

  const app = Fastify({
    logger: options.logger
      ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] }
      : false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // SSE streams stay open; closing the server must not wait for them
    forceCloseConnections: true,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const hasWebApp = existsSync(join(config.webDistDir, 'index.html'));
  registerErrorHandler(app, { spaIndex: hasWebApp });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets inline styles; swagger-ui needs inline styles and its own scripts.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: maxDocumentBytes, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Hearth API', version: '1.0.0', description: 'Home-based palliative care service API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'hearth_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url });
  });
  registerSession(app, deps);
  registerFamilyGate(app, deps);
  healthRoutes(app, { ...deps, dialect: database.kind });
  await app.register(
    async (api) => {
      for (const feature of features) feature(api, deps);
    },
    { prefix: '/api/v1' },
  );

  if (hasWebApp)
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: 'index.html' });

  const jobs = new JobRunner(deps);
  for (const register of jobHandlers) register(jobs);

  return {
    app,
    deps,
    jobs,
    routes,
    async close() {
      await jobs.stop();
      await planningSettled();
      await app.close();
      if (unlisten) await unlisten();
    },
  };
}
