// Setting up a server from the command line, before anyone can sign in to the API: organisations,
// users and their tokens, and verifying the audit log. Each change goes to the audit log as
// `cli:<os user>`.
import type { Command } from 'commander';
import { rampartError } from '../core/errors.js';
import { verifyAuditLog } from '../store/audit-log.js';
import { createOrganisation, findOrganisationByName, type OperatorType } from '../store/organisations.js';
import { createToken, createUser, ROLES, type Role } from '../store/users.js';
import { cliActor as actor } from './cli-actor.js';
import { databaseOption, withDatabase, type DatabaseCliOptions } from './database-options.js';


export function registerAdminCommands(program: Command, setExitCode: (code: number) => void): void {
  const org = program.command('org').description('Organisations: the coordination centre (hub) and the operators reporting to it');
  databaseOption(org.command('add').description('Add an organisation').argument('<name>'))
    .option('--hub', 'this is the coordination centre')
    .option('--reports-to <hub>', 'the name of the hub an operator reports to')
    .option('--sector <sector>')
    .option('--province <province>')
    .option('--cii', 'a critical information infrastructure operator (1-hour reporting deadline)')
    .option('--mlps <level>', 'MLPS (等级保护) level, 1–5')
    .option('--operator-type <type>', 'cii-operator, central-state-organ or other-operator (default: cii-operator with --cii, else other-operator)')
    .action(async (name: string, options: DatabaseCliOptions & { hub?: boolean; reportsTo?: string; sector?: string; province?: string; cii?: boolean; mlps?: string; operatorType?: string }) => {
      await withDatabase(options, async (db) => {
        const hub = options.hub ? undefined : await findOrganisationByName(db, options.reportsTo ?? '');
        if (!options.hub && hub === undefined) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--reports-to', reason: options.reportsTo ? `no organisation named '${options.reportsTo}'` : 'an operator needs --reports-to <hub name> (or give --hub)' });
        const mlpsLevel = options.mlps === undefined ? undefined : Number(options.mlps);
        if (mlpsLevel !== undefined && !(Number.isInteger(mlpsLevel) && mlpsLevel >= 1 && mlpsLevel <= 5)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--mlps', reason: `'${options.mlps}' is not a level from 1 to 5` });
        if (options.operatorType !== undefined && !['cii-operator', 'central-state-organ', 'other-operator'].includes(options.operatorType)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--operator-type', reason: `'${options.operatorType}' is not cii-operator, central-state-organ or other-operator` });
        const created = await createOrganisation(
          db,
          { name, kind: options.hub ? 'hub' : 'operator', hubId: hub?.id, sector: options.sector, province: options.province, cii: options.cii, mlpsLevel, operatorType: options.operatorType as OperatorType | undefined },
          actor(),
        );
        process.stdout.write(`added ${created.kind} '${created.name}' (${created.id})\n`);
      });
    });

  const user = program.command('user').description('Users of an organisation');
  databaseOption(user.command('add').description('Add a user; the password is read from standard input with --password-stdin').argument('<username>'))
    .requiredOption('--org <name>', 'the organisation')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--display-name <name>')
    .option('--password-stdin', 'read the password from standard input (at least 12 characters)')
    .action(async (username: string, options: DatabaseCliOptions & { org: string; role: string; displayName?: string; passwordStdin?: boolean }) => {
      if (!(ROLES as readonly string[]).includes(options.role)) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--role', reason: `'${options.role}' is not one of ${ROLES.join(', ')}` });
      const password = options.passwordStdin ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
      if (password !== undefined && password.length < 12) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--password-stdin', reason: 'the password must have at least 12 characters' });
      await withDatabase(options, async (db) => {
        const organisation = await findOrganisationByName(db, options.org);
        if (!organisation) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--org', reason: `no organisation named '${options.org}'` });
        const created = await createUser(db, { organisationId: organisation.id, username, displayName: options.displayName, role: options.role as Role, password }, actor());
        process.stdout.write(`added ${created.role} '${created.username}' to '${organisation.name}'${password === undefined ? ' (no password: signs in with tokens)' : ''}\n`);
      });
    });

  const token = program.command('token').description('API tokens');
  databaseOption(token.command('create').description("Make an API token for a user; it is printed once and stored only as a hash").argument('<username>'))
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (username: string, options: DatabaseCliOptions & { name: string }) => {
      await withDatabase(options, async (db) => {
        const [row] = await db.query<{ id: string; organisation_id: string }>('SELECT id, organisation_id FROM users WHERE username = $1', [username]);
        if (!row) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '<username>', reason: `no user named '${username}'` });
        const made = await createToken(db, { id: row.id, organisationId: row.organisation_id }, options.name, actor());
        process.stdout.write(`${made.token}\n`);
      });
    });

  const audit = program.command('audit').description('The audit log');
  databaseOption(audit.command('verify').description('Check the hash chain of the whole audit log; exit 4 when a row was edited, inserted or deleted'))
    .action(async (options: DatabaseCliOptions) => {
      await withDatabase(options, async (db, where) => {
        const verdict = await verifyAuditLog(db);
        if (!verdict.ok) {
          setExitCode(4);
          throw rampartError('RAMPART_E_AUDIT_TAMPERED', { reason: `${verdict.reason}; ${verdict.rows} row(s) before it are intact (${where})` });
        }
        const [head] = await db.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
        process.stdout.write(`audit log intact: ${verdict.rows} row(s), chain head ${head?.hash ?? '(empty)'} (${where})\n`);
        process.stdout.write('Keep the chain head somewhere else: a later verify that shows a different head for the same rows means the log was rewritten.\n');
      });
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
