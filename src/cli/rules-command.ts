// `rampart rules check`: load rules as a hunt would and list every rejected rule with its reason.
import type { Command } from 'commander';
import { relative } from 'node:path';
import type { RuleError } from '../sigma/parse/rule-types.js';
import { registerRulesAdminCommands } from './rules-admin-commands.js';
import { loadRuleSetFromOptions, ruleSetOptions, type RuleSetCliOptions } from './rule-set-options.js';

interface CheckOptions extends RuleSetCliOptions {
  readonly json?: boolean;
}

export function registerRulesCommand(program: Command, setExitCode: (code: number) => void): void {
  const rules = program.command('rules').description('Work with Sigma rules: check them, and manage the rules a server runs');
  registerRulesAdminCommands(rules);
  const check = rules
    .command('check')
    .description('Load rules as a hunt would; list every rejected rule with file:line:column and the reason')
    .argument('<paths...>', 'rule files or folders');
  ruleSetOptions(check)
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit status: 0 every rule loads, 1 some rules were rejected, 2 bad usage or input.')
    .action(async (paths: string[], options: CheckOptions) => {
      const ruleSet = await loadRuleSetFromOptions({ ...options, rules: paths }, paths);
      const loaded = ruleSet.engine.ruleCount;
      const rejected = ruleSet.rejected.length;
      const total = loaded + rejected;
      const percent = total > 0 ? (100 * rejected) / total : 0;
      if (options.json) {
        process.stdout.write(JSON.stringify({ files: ruleSet.files, loaded, rejected: ruleSet.rejected, rejectedPercent: percent }, null, 2) + '\n');
      } else {
        for (const error of ruleSet.rejected) process.stdout.write(formatRuleError(error) + '\n');
        const byCode = countByCode(ruleSet.rejected);
        process.stdout.write(
          `\n${ruleSet.files} file(s), ${total} rule(s): ${loaded} loaded, ${rejected} rejected (${percent.toFixed(2)} %), in ${(ruleSet.loadMilliseconds / 1000).toFixed(2)} s\n`,
        );
        if (byCode.length > 0) process.stdout.write(`rejected by reason: ${byCode.map(([code, count]) => `${code} ${count}`).join(', ')}\n`);
        const compiled = ruleSet.engine.describe();
        process.stdout.write(`compiled: ${compiled.variants} rule variant(s) (one per event source), ${compiled.alwaysEvaluated} without a prefilter anchor (tried on every event of their source)\n`);
      }
      setExitCode(rejected > 0 ? 1 : 0);
    });
}

export function formatRuleError(error: RuleError): string {
  const file = relative(process.cwd(), error.location.file) || error.location.file;
  const rule = error.rule ? ` (${error.rule})` : '';
  return `${file}:${error.location.line}:${error.location.column}: ${error.code}: ${error.message}${rule}`;
}

function countByCode(errors: readonly RuleError[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const error of errors) counts.set(error.code, (counts.get(error.code) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
