// `rampart serve`: the API server over the embedded database (or DATABASE_URL), running the detection
// engine on what is ingested. Stops cleanly on Ctrl-C or SIGTERM: in-flight requests finish, then the
// database is closed (PGlite flushes its files).
import type { Command } from 'commander';
import { rampartError } from '../core/errors.js';
import { builtinRulesDirectory } from '../hunt/package-paths.js';
import { buildServer } from '../server/app.js';
import { LiveDetection } from '../server/live-detection.js';
import { OrganisationRules } from '../server/organisation-rules.js';
import { findOrganisationByName } from '../store/organisations.js';
import { describeTarget, openDatabase } from '../store/open-database.js';
import { SyslogListener } from '../server/syslog-listener.js';
import { databaseOption, databaseTarget, type DatabaseCliOptions } from './database-options.js';
import { resolveRuleSetOptions, ruleSetOptions, type RuleSetCliOptions } from './rule-set-options.js';

interface ServeOptions extends DatabaseCliOptions, RuleSetCliOptions {
  readonly port: string;
  readonly host: string;
  readonly quiet?: boolean;
  readonly syslogPort?: string;
  readonly syslogOrg?: string;
}

export function registerServeCommand(program: Command): void {
  const serve = program.command('serve').description('Run the API server: ingestion with live detection, alerts, users and tokens (see docs/server.md)');
  databaseOption(ruleSetOptions(serve))
    .option('--port <port>', 'TCP port to listen on', process.env.PORT ?? '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('-q, --quiet', 'no request logs on stdout')
    .option('--syslog-port <port>', 'also receive syslog (RFC 5424/3164) on this TCP and UDP port')
    .option('--syslog-org <name>', 'the organisation syslog messages belong to (syslog carries no credentials)')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--port', reason: `'${options.port}' is not a port number` });
      const target = databaseTarget(options);
      const db = await openDatabase(target);
      const detection = await LiveDetection.start(resolveRuleSetOptions(options, [builtinRulesDirectory()]));
      const organisationRules = new OrganisationRules(db, detection.mappingFiles);
      const app = await buildServer({ db, detection, organisationRules, logger: options.quiet ? false : {} });
      const syslog = await startSyslog(options, db, detection, organisationRules);
      const stop = async (): Promise<void> => {
        await syslog?.close();
        await app.close();
        await db.close();
      };
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
      const address = await app.listen({ port, host: options.host });
      process.stderr.write(`rampart serve: listening on ${address} (database: ${describeTarget(target)}; rules: ${detection.summary.loaded} loaded, ${detection.summary.rejected} rejected)\n`);
      process.stderr.write(`  API description: ${address}/api/openapi.json\n`);
      if (syslog) process.stderr.write(`  syslog: TCP port ${syslog.tcpPort} and UDP port ${syslog.udpPort} on ${options.host}, for '${options.syslogOrg}'\n`);
      await new Promise(() => undefined);
    });
}

async function startSyslog(options: ServeOptions, db: Awaited<ReturnType<typeof openDatabase>>, detection: LiveDetection, organisationRules: OrganisationRules): Promise<SyslogListener | undefined> {
  if (options.syslogPort === undefined) return undefined;
  const port = Number(options.syslogPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--syslog-port', reason: `'${options.syslogPort}' is not a port number` });
  const organisation = options.syslogOrg === undefined ? undefined : await findOrganisationByName(db, options.syslogOrg);
  if (organisation?.kind !== 'operator') throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--syslog-org', reason: options.syslogOrg ? `no operator named '${options.syslogOrg}'` : 'syslog needs --syslog-org <operator name>' });
  return SyslogListener.start({ db, detection, organisationRules, organisationId: organisation.id, host: options.host, tcpPort: port, udpPort: port, warn: (message) => process.stderr.write(`${message}\n`) });
}
