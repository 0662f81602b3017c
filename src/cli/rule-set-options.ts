// The options every rule-using command shares (--rules, --mapping, --config, --placeholders), and
// turning them into a loaded rule set.
import type { Command } from 'commander';
import { DEFAULT_CONFIG, loadConfig, loadPlaceholderFile, type RampartConfig } from '../core/config.js';
import { loadRuleSet, type RuleSet, type RuleSetOptions } from '../hunt/load-rule-set.js';

export interface RuleSetCliOptions {
  readonly rules?: string[];
  readonly mapping?: string[];
  readonly config?: string;
  readonly placeholders?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function ruleSetOptions(command: Command): Command {
  return command
    .option('-r, --rules <path>', 'Sigma rule file or folder; repeat for several (default: the built-in pack)', collect)
    .option('-m, --mapping <file>', 'extra log-source mapping file (see docs/logsource-mapping.md); repeatable', collect)
    .option('-c, --config <file>', 'configuration file (YAML: rules, mappings, placeholders); default $RAMPART_CONFIG')
    .option('-p, --placeholders <file>', 'YAML map of placeholder name → values, for rules that use |expand');
}

/** What to load, from the options and the config file; the hunt's worker threads each load this. */
export function resolveRuleSetOptions(options: RuleSetCliOptions, defaultRules: string[]): RuleSetOptions {
  const configFile = options.config ?? process.env.RAMPART_CONFIG;
  const config: RampartConfig = configFile ? loadConfig(configFile) : DEFAULT_CONFIG;
  const placeholders = { ...config.placeholders, ...(options.placeholders ? loadPlaceholderFile(options.placeholders) : {}) };
  return {
    rulePaths: options.rules ?? config.rules ?? defaultRules,
    mappingFiles: [...config.mappings, ...(options.mapping ?? [])],
    placeholders,
  };
}

export async function loadRuleSetFromOptions(options: RuleSetCliOptions, defaultRules: string[]): Promise<RuleSet> {
  return loadRuleSet(resolveRuleSetOptions(options, defaultRules));
}
