// The `rampart` command: parses arguments, runs one command, turns errors into messages and exit codes.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_CODES, exitCodeOf, isRampartError } from '../core/errors.js';
import { packageRoot } from '../hunt/package-paths.js';

type SetExitCode = (code: number) => void;
type Register = (program: Command, setExitCode: SetExitCode) => void;

// Each command's module, loaded only when it runs (or for the full help). Loading them all took
// about half a second, the server's and the database drivers' modules most of it, before a hunt
// had read a rule: a quarter of a hunt over the EVTX samples.
const COMMANDS: readonly { readonly names: readonly string[]; readonly load: () => Promise<Register> }[] = [
  { names: ['hunt'], load: async () => (await import('./hunt-command.js')).registerHuntCommand },
  { names: ['rules'], load: async () => (await import('./rules-command.js')).registerRulesCommand },
  { names: ['evtx'], load: async () => (await import('./evtx-command.js')).registerEvtxCommand },
  { names: ['serve'], load: async () => (await import('./serve-command.js')).registerServeCommand },
  { names: ['demo'], load: async () => (await import('./demo-command.js')).registerDemoCommand },
  { names: ['org', 'user', 'token', 'audit'], load: async () => (await import('./admin-commands.js')).registerAdminCommands },
  { names: ['data'], load: async () => (await import('./data-command.js')).registerDataCommand },
];

/** The commands to register: the one named on the command line, or all (help, a typo, no command). */
function commandsFor(argv: readonly string[]): typeof COMMANDS {
  const named = COMMANDS.find((command) => command.names.includes(argv[2] ?? ''));
  return named === undefined ? COMMANDS : [named];
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  // A reader that went away (`rampart hunt … | head`) ends the command quietly, as Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_CODES.OK);
    throw error;
  });
  let exitCode: number = EXIT_CODES.OK;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new Command()
    .name('rampart')
    .description('Rampart: a security barrier for critical information infrastructure. Hunt attacks in logs (JSON, EVTX) with Sigma rules; serve the API for alerts and incidents.')
    .version(version())
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const command of commandsFor(argv)) (await command.load())(program, setExitCode);
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.USAGE;
    }
    if (isRampartError(error)) {
      process.stderr.write(`rampart: ${error.message} [${error.code}]\n`);
      // An internal error carries its cause (e.g. what a worker thread threw): its stack is what a bug report needs.
      const cause = error.cause;
      if (error.exitCode === EXIT_CODES.INTERNAL && cause instanceof Error && cause.stack) process.stderr.write(`caused by: ${cause.stack}\n`);
    } else {
      process.stderr.write(`rampart: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    return exitCodeOf(error);
  }
}
