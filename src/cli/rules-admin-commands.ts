// `rampart rules add | list | suppress | unsuppress`: the rules a server runs besides its own rule
// folders, managed in its database as through the API (docs/server.md, "Rules"). A running server
// picks a change up with its next batch.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { rampartError } from '../core/errors.js';
import { OrganisationRules, ruleKey } from '../server/organisation-rules.js';
import { findOrganisationByName, type Organisation } from '../store/organisations.js';
import type { Database } from '../store/database.js';
import { addRule, listRules, listSuppressions, suppressRule, unsuppressRule } from '../store/rules.js';
import { cliActor as actor } from './cli-actor.js';
import { databaseOption, withDatabase, type DatabaseCliOptions } from './database-options.js';

type OrgOptions = DatabaseCliOptions & { org: string };


async function organisationNamed(db: Database, name: string): Promise<Organisation> {
  const organisation = await findOrganisationByName(db, name);
  if (!organisation) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '--org', reason: `no organisation named '${name}'` });
  return organisation;
}

export function registerRulesAdminCommands(rules: Command): void {
  databaseOption(rules.command('add').description("Add a Sigma rule to a server's database: for an operator, or with the hub's name for every operator").argument('<file>'))
    .requiredOption('--org <name>', 'the operator (or the hub, for every operator)')
    .action(async (file: string, options: OrgOptions) => {
      let yaml: string;
      try {
        yaml = readFileSync(file, 'utf8');
      } catch (error) {
        throw rampartError('RAMPART_E_INPUT_UNREADABLE', { path: file, reason: (error as Error).message });
      }
      await withDatabase(options, async (db) => {
        const organisation = await organisationNamed(db, options.org);
        const { rules: parsed, problems } = new OrganisationRules(db).compile(yaml, file);
        if (problems.length > 0) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: file, reason: `the rule does not load: ${problems.join('; ')}` });
        if (parsed.length !== 1) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: file, reason: `one rule per file (it holds ${parsed.length})` });
        const [rule] = parsed;
        const owner = organisation.kind === 'hub' ? null : organisation.id;
        await addRule(db, owner, { sigmaId: ruleKey(rule), title: rule.title, level: rule.level, yaml }, actor(), organisation.id);
        process.stdout.write(`added '${rule.title}' (${ruleKey(rule)}) ${owner === null ? 'for every operator' : `for '${organisation.name}'`}\n`);
      });
    });

  databaseOption(rules.command('list').description('Rules added for an organisation (its own and the hub\'s) and the rules it switched off'))
    .requiredOption('--org <name>', 'the organisation')
    .action(async (options: OrgOptions) => {
      await withDatabase(options, async (db) => {
        const organisation = await organisationNamed(db, options.org);
        for (const rule of await listRules(db, organisation.id)) {
          process.stdout.write(`${rule.enabled ? 'on ' : 'off'}  ${rule.level.padEnd(13)} ${rule.title}  (${rule.sigmaId}${rule.organisationId === null ? ', from the hub' : ''})\n`);
        }
        for (const suppression of await listSuppressions(db, organisation.id)) process.stdout.write(`suppressed  ${suppression.ruleId}: ${suppression.reason}\n`);
      });
    });

  databaseOption(rules.command('suppress').description('Switch a rule (by its Sigma id) off for one operator').argument('<rule-id>'))
    .requiredOption('--org <name>', 'the operator')
    .requiredOption('--reason <text>', 'why, for the audit log and the next analyst')
    .action(async (ruleId: string, options: OrgOptions & { reason: string }) => {
      await withDatabase(options, async (db) => {
        const organisation = await organisationNamed(db, options.org);
        await suppressRule(db, organisation.id, ruleId, options.reason, actor());
        process.stdout.write(`rule ${ruleId} switched off for '${organisation.name}'\n`);
      });
    });

  databaseOption(rules.command('unsuppress').description('Switch a suppressed rule back on for one operator').argument('<rule-id>'))
    .requiredOption('--org <name>', 'the operator')
    .action(async (ruleId: string, options: OrgOptions) => {
      await withDatabase(options, async (db) => {
        const organisation = await organisationNamed(db, options.org);
        if (!(await unsuppressRule(db, organisation.id, ruleId, actor()))) throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: '<rule-id>', reason: `${ruleId} is not switched off for '${organisation.name}'` });
        process.stdout.write(`rule ${ruleId} switched back on for '${organisation.name}'\n`);
      });
    });
}
