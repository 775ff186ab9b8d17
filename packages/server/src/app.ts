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
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-context.ts';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { pgNotify } from './db/notify.ts';
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
import { episodeRoutes } from './features/episode/episode.routes.ts';
import { equipmentJobs } from './features/equipment/equipment.jobs.ts';
import { equipmentRoutes } from './features/equipment/equipment.routes.ts';
import { familyRoutes } from './features/family/family.routes.ts';
import { fhirJobs } from './features/fhir/fhir.jobs.ts';
import { fhirRoutes } from './features/fhir/fhir.routes.ts';
import { fhirPrefix } from './features/fhir/fhir-http.ts';
import { fieldRoutes } from './features/field/field.routes.ts';
import { geocodingRoutes } from './features/geocoding/geocoding.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { homeSafetyRoutes } from './features/home-safety/home-safety.routes.ts';
import { intakeJobs } from './features/intake/intake.jobs.ts';
import { intakeRoutes } from './features/intake/intake.routes.ts';
import { medicinesJobs } from './features/medicines/medicines.jobs.ts';
import { medicineRoutes } from './features/medicines/medicines.routes.ts';
import { notificationRoutes } from './features/notifications/notifications.routes.ts';
import { onCallRoutes } from './features/oncall/oncall.routes.ts';
import { patientChartRoute } from './features/patients/chart.routes.ts';
import { patientRoutes } from './features/patients/patients.routes.ts';
import { PlanRunJobs } from './features/planning/plan-run-job.ts';
import { prepareRun } from './features/planning/plan-run-prepare.ts';
import { publishRunUpdate } from './features/planning/plan-runs.service.ts';
import { planningRoutes } from './features/planning/planning.routes.ts';
import { programmeRoutes } from './features/programmes/programmes.routes.ts';
import { reportRoutes } from './features/reports/reports.routes.ts';
import { settingsRoutes } from './features/settings/settings.routes.ts';
import { staffRoutes } from './features/staff/staff.routes.ts';
import { supportRoutes } from './features/support/support.routes.ts';
import { visitRoutes } from './features/visits/visits.routes.ts';
import { volunteerRoutes } from './features/volunteers/volunteers.routes.ts';
import { flushDeniedCounts } from './http/denied-audit.ts';
import { registerErrorHandler } from './http/errors.ts';
import { registerSecureDefaults } from './http/secure-defaults.ts';
import { registerFamilyGate, registerSession } from './http/session.ts';
import { registerSessionRateLimit } from './http/session-rate-limit.ts';
import { validatorCompiler } from './http/validation.ts';
import { AuditSealer } from './platform/audit/audit-sealer.ts';
import { EventBus } from './platform/events/event-bus.ts';
import { eventRoutes } from './platform/events/events.routes.ts';
import { registerIdempotency } from './platform/idempotency/idempotency.ts';
import { JobRunner } from './platform/jobs/job-runner.ts';
import { forgetSettings, settingsChangedEvent } from './platform/settings/settings.service.ts';

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
  patientChartRoute,
  geocodingRoutes,
  carePlanRoutes,
  visitRoutes,
  fieldRoutes,
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
  episodeRoutes,
  reportRoutes,
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
  fhirJobs,
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
  /** Chains pending audit events and anchors the chain heads; `main` starts its timer. */
  audit: AuditSealer;
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
  // settings cached in this process are dropped when any process changes them
  events.subscribe((e) => {
    if (e.type === settingsChangedEvent) forgetSettings(e.organizationId);
  });
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
  registerErrorHandler(app, { spaIndex: hasWebApp, logRequests: options.logger === true });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and swagger-ui set inline styles (styles cannot run code).
        styleSrc: ["'self'", "'unsafe-inline'"],
        // no inline scripts anywhere: the web app and swagger-ui load theirs from files
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // sent by registerSecureDefaults whenever the request came over HTTPS
    hsts: false,
  });
  await registerSecureDefaults(app, config);
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
  registerSessionRateLimit(app, config);
  registerFamilyGate(app, deps);
  registerIdempotency(app, deps);
  healthRoutes(app, { ...deps, dialect: database.kind });
  await app.register(
    async (api) => {
      for (const feature of features) feature(api, deps);
    },
    { prefix: '/api/v1' },
  );
  // HL7 FHIR R4: its own error format (OperationOutcome), so its own encapsulated scope
  await app.register(async (fhir) => fhirRoutes(fhir, deps), { prefix: fhirPrefix });

  if (hasWebApp)
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false, index: 'index.html' });

  const jobs = new JobRunner(deps);
  for (const register of jobHandlers) register(jobs);
  // plan runs are jobs too; the request that starts one begins solving it here at once
  new PlanRunJobs(deps, jobs, prepareRun, (orgId, id) => publishRunUpdate(deps, orgId, id));
  const audit = new AuditSealer(deps.db, {
    anchorFile: config.audit.anchorFile,
    anchorEveryMs: config.audit.anchorEveryMs,
    clock: deps.clock,
    // the anchor must reach the log even when request logging is off
    log: (line) => (options.logger ? app.log.info(line) : console.log(`hearth: ${line}`)),
  });

  return {
    app,
    deps,
    jobs,
    audit,
    routes,
    async close() {
      await jobs.stop();
      await audit.stop();
      await flushDeniedCounts(deps);
      await app.close();
      if (unlisten) await unlisten();
    },
  };
}
