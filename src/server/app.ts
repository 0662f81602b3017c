// The HTTP API, assembled: security headers, rate limits, body limits, strict validation, the one
// authorisation hook, the error replies, the OpenAPI document, then one plugin per resource. Built from
// its parts (database, detection engine, limits) so tests build it with `inject()` and no port.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { loadWorkingDayCalendar, type WorkingDayCalendar } from '../core/regulations/working-days.js';
import { loadClassificationRules, type ClassificationRules } from '../datasec/classification/load-classification-rules.js';
import { loadTransferRules, type TransferRules } from '../datasec/transfers/load-transfer-rules.js';
import { loadIncidentRegulations, type IncidentRegulations } from '../incidents/regulations/load-regulations.js';
import type { Database } from '../store/database.js';
import { registerAuthorisation } from './authorise.js';
import { registerErrorReplies } from './error-replies.js';
import type { LiveDetection } from './live-detection.js';
import { OrganisationRules } from './organisation-rules.js';
import { ruleRoutes } from './routes/rules.js';
import { alertRoutes } from './routes/alerts.js';
import { auditRoutes } from './routes/audit.js';
import { dataAssetRoutes } from './routes/data-assets.js';
import { dataTransferRoutes } from './routes/data-transfers.js';
import { dataVocabularyRoutes } from './routes/data-vocabulary.js';
import { hubDataTransferRoutes } from './routes/hub-data-transfers.js';
import { detectionRoutes } from './routes/detections.js';
import { incidentRoutes } from './routes/incidents.js';
import { reportRoutes } from './routes/reports.js';
import { healthRoutes } from './routes/health.js';
import { ingestRoutes } from './routes/ingest.js';
import { organisationRoutes } from './routes/organisations.js';
import { sessionRoutes } from './routes/sessions.js';
import { userRoutes } from './routes/users.js';
import { registerValidation } from './validation.js';
import { webAppRoutes } from './web-app.js';
import './fastify-types.js';

export interface ServerLimits {
  /** Largest request body after decompression, bytes. */
  readonly bodyBytes: number;
  readonly eventsPerBatch: number;
  /** Requests per minute per token (or per address before sign-in). */
  readonly requestsPerMinute: number;
  readonly signInsPerMinute: number;
}

export const DEFAULT_LIMITS: ServerLimits = { bodyBytes: 16 * 1024 * 1024, eventsPerBatch: 20_000, requestsPerMinute: 1200, signInsPerMinute: 10 };

export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly permission?: string;
  readonly public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly declaredRoutes: readonly DeclaredRoute[];
  }
}

export interface ServerParts {
  readonly db: Database;
  readonly detection: LiveDetection;
  /** Organisations' own rules; pass the one the syslog listener uses, so both compile them once. */
  readonly organisationRules?: OrganisationRules;
  /** Grading thresholds and deadlines (data/regulations/, with any override); default: the built-in data. */
  readonly regulations?: IncidentRegulations;
  /** Data classification, cross-border transfer rules and the working-day calendar; default: the built-in data. */
  readonly classificationRules?: ClassificationRules;
  readonly transferRules?: TransferRules;
  readonly workingDays?: WorkingDayCalendar;
  readonly limits?: Partial<ServerLimits>;
  /** pino options, or false for no logs (tests). */
  readonly logger?: boolean | Record<string, unknown>;
}

export async function buildServer(parts: ServerParts): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...parts.limits };
  const app = Fastify({
    bodyLimit: limits.bodyBytes,
    logger: parts.logger === false ? false : { level: 'info', redact: ['req.headers.authorization'], ...(typeof parts.logger === 'object' ? parts.logger : {}) },
    // A client can never make the server trust a forged X-Forwarded-For: set it behind a proxy yourself.
    trustProxy: false,
  });
  registerValidation(app);
  registerErrorReplies(app, limits.bodyBytes);
  // The server speaks plain HTTP (TLS belongs to the proxy in front, docs/deploy.md): telling browsers to
  // upgrade requests or to insist on HTTPS would break the dashboard on any address but localhost.
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], upgradeInsecureRequests: null } },
    strictTransportSecurity: false,
  });
  await app.register(rateLimit, {
    max: limits.requestsPerMinute,
    timeWindow: 60_000,
    // Per token when there is one (a shared NAT must not throttle every operator behind it), else per address.
    keyGenerator: (request) => request.headers.authorization ?? request.ip,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Rampart API', version: '0.1.0', description: 'Alerts, incidents and reports for operators of critical information infrastructure and their coordination centre.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  registerAuthorisation(app, parts.db);
  // Every route as declared, for the tests that walk them all (tenant isolation, no undeclared route).
  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, permission: route.config?.permission, public: route.config?.public === true });
  });
  app.decorate('declaredRoutes', routes);

  await app.register(healthRoutes(parts.db));
  await app.register(sessionRoutes(parts.db, limits.signInsPerMinute));
  await app.register(organisationRoutes(parts.db));
  await app.register(userRoutes(parts.db));
  await app.register(alertRoutes(parts.db));
  const organisationRules = parts.organisationRules ?? new OrganisationRules(parts.db, parts.detection.mappingFiles);
  await app.register(ingestRoutes(parts.db, parts.detection, organisationRules, limits.eventsPerBatch));
  await app.register(ruleRoutes(parts.db, parts.detection, organisationRules));
  await app.register(detectionRoutes(parts.db, organisationRules));
  const regulations = parts.regulations ?? loadIncidentRegulations();
  await app.register(incidentRoutes(parts.db, regulations));
  await app.register(reportRoutes(parts.db, regulations));
  const classification = parts.classificationRules ?? loadClassificationRules();
  const transfers = parts.transferRules ?? loadTransferRules();
  await app.register(dataVocabularyRoutes(classification, transfers));
  await app.register(dataAssetRoutes(parts.db, classification));
  const workingDays = parts.workingDays ?? loadWorkingDayCalendar();
  await app.register(dataTransferRoutes(parts.db, transfers, workingDays));
  await app.register(hubDataTransferRoutes(parts.db, transfers, workingDays));
  await app.register(auditRoutes(parts.db));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await app.register(webAppRoutes());
  return app;
}
