// `rampart demo` (what `npm start` runs): the server with the dashboard over an embedded database of its
// own, seeded on first start with a demo hub, two operators, a user of every role and the demo logs as
// alerts; prints where to open it and how to sign in as each user.
import type { Command } from 'commander';
import { homedir } from 'node:os';
import path from 'node:path';
import { rampartError } from '../core/errors.js';
import { builtinRulesDirectory } from '../hunt/package-paths.js';
import { buildServer } from '../server/app.js';
import { seedDemo } from '../server/demo-seed.js';
import { LiveDetection } from '../server/live-detection.js';
import { openDatabase } from '../store/open-database.js';

interface DemoOptions {
  readonly port: string;
  readonly host: string;
  readonly dataDir?: string;
}

export function demoDataDirectoryDefault(env = process.env): string {
  return path.join(env.XDG_DATA_HOME || path.join(homedir(), '.local', 'share'), 'rampart', 'demo');
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Run the server and dashboard on a demo database (seeded once): a hub, two operators, a user of every role, the demo logs as alerts, a data catalog and transfers abroad')
    .option('--port <port>', 'TCP port', process.env.PORT ?? '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('-d, --data-dir <dir>', 'the demo database folder (default: ~/.local/share/rampart/demo; never DATABASE_URL)')
    .action(async (options: DemoOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--port', reason: `'${options.port}' is not a port number` });
      const dataDirectory = options.dataDir ?? demoDataDirectoryDefault();
      const db = await openDatabase({ dataDirectory });
      const detection = await LiveDetection.start({ rulePaths: [builtinRulesDirectory()] });
      const world = await seedDemo(db, detection);
      const app = await buildServer({ db, detection, logger: false });
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => void app.close().then(() => db.close()).then(() => process.exit(0)));
      }
      const address = await app.listen({ port, host: options.host });
      const out = process.stdout;
      out.write(`Rampart demo: ${world.seeded ? `seeded a new demo database (${world.alerts} alerts from data/demo)` : 'the demo database was already seeded'} at ${dataDirectory}\n\n`);
      out.write(`  Open ${address}/ and sign in as one of these users:\n\n`);
      for (const user of world.users) out.write(`    ${user.username.padEnd(16)} ${user.password.padEnd(22)} ${user.role.padEnd(9)} ${user.organisation}\n`);
      out.write(`\n  API: ${address}/api/openapi.json · Ctrl-C stops the server; the database stays for the next start.\n`);
      await new Promise(() => undefined);
    });
}
