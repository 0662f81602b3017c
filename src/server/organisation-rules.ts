// The rules each organisation adds to the server's own (the hub's global rules and its own, from the
// database) and the rules it switched off. Kept compiled per organisation and rebuilt only when the
// rule set's fingerprint in the database changes — checked once per batch, so a change made through
// any server sharing the database takes effect on the next batch, without a restart.
import type { Detection } from '../core/detection.js';
import type { SigmaRule } from '../sigma/parse/rule-types.js';
import { buildEngine, type SigmaEngine } from '../sigma/engine/sigma-engine.js';
import { defaultMappingFiles, loadLogsourceMappings, type LogsourceMappings } from '../sigma/mapping/logsource-mapping.js';
import { parseRuleFile } from '../sigma/parse/parse-rule-file.js';
import type { Database } from '../store/database.js';
import { listRules, listSuppressions, ruleSetVersion } from '../store/rules.js';

export interface OrganisationRuleSet {
  /** The organisation's extra rules compiled, or undefined when it has none enabled. */
  readonly engine?: SigmaEngine;
  /** Rule ids (Sigma id, or file#title for a rule without one) the organisation switched off. */
  readonly suppressed: ReadonlySet<string>;
}

/** What a rule is known by, in suppressions and in alerts: its Sigma id, else where it came from. */
export function ruleKey(rule: Pick<SigmaRule, 'id' | 'title' | 'location'>): string {
  return keyOf(rule.id, rule.location.file, rule.title);
}

/** The same key for the rule of a detection made elsewhere (`rampart hunt --push`). */
export function detectionRuleKey(rule: Pick<Detection['rule'], 'id' | 'title' | 'file'>): string {
  return keyOf(rule.id, rule.file, rule.title);
}

function keyOf(id: string | undefined, file: string, title: string): string {
  return id ?? `${file}#${title}`;
}

export class OrganisationRules {
  private readonly cache = new Map<string, { version: string; rules: OrganisationRuleSet }>();
  private readonly mappings: LogsourceMappings;

  constructor(
    private readonly db: Database,
    mappingFiles: readonly string[] = [],
  ) {
    this.mappings = loadLogsourceMappings([...defaultMappingFiles(), ...mappingFiles]).mappings;
  }

  async forOrganisation(organisationId: string): Promise<OrganisationRuleSet> {
    const version = await ruleSetVersion(this.db, organisationId);
    const cached = this.cache.get(organisationId);
    if (cached?.version === version) return cached.rules;
    const rules = await this.build(organisationId);
    this.cache.set(organisationId, { version, rules });
    return rules;
  }

  /** Parses and compiles rule text as an added rule would be: the rules, or every problem with its place. */
  compile(yaml: string, name: string): { rules: SigmaRule[]; problems: string[] } {
    const parsed = parseRuleFile(yaml, name);
    const problems = parsed.errors.map((error) => `${error.location.line}:${error.location.column} ${error.message}`);
    if (parsed.rules.length > 0) {
      const { errors } = buildEngine(parsed.rules, this.mappings);
      problems.push(...errors.map((error) => `${error.location.line}:${error.location.column} ${error.message}`));
    }
    return { rules: parsed.rules, problems };
  }

  private async build(organisationId: string): Promise<OrganisationRuleSet> {
    const suppressed = new Set((await listSuppressions(this.db, organisationId)).map((row) => row.ruleId));
    const rules: SigmaRule[] = [];
    for (const managed of await listRules(this.db, organisationId)) {
      if (!managed.enabled) continue;
      // Checked when added; a rule that no longer compiles (a newer Rampart) is left out, not fatal.
      rules.push(...this.compile(managed.yaml, `rule:${managed.id}`).rules);
    }
    if (rules.length === 0) return { suppressed };
    return { engine: buildEngine(rules, this.mappings).engine, suppressed };
  }
}
