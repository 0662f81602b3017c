// checkCompilable must reject exactly the rules compileRule rejects, with the same problem: the engine
// relies on it to reject bad rules at load time while compiling them only on first use.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../parse/parse-rule-file.js';
import { loadRules } from '../parse/load-rules.js';
import { RuleProblem } from '../parse/rule-problem.js';
import type { SigmaRule } from '../parse/rule-types.js';
import { defaultMappingFiles, loadLogsourceMappings } from '../mapping/logsource-mapping.js';
import { buildEngine } from '../engine/sigma-engine.js';
import { findPackageRoot } from '../../core/package-root.js';
import { checkCompilable } from './check-rule.js';
import { compileRule } from './compile-rule.js';
import { FieldSlots } from './event-view.js';

const mappings = loadLogsourceMappings(defaultMappingFiles()).mappings;

function problemOf(action: () => void): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    if (error instanceof RuleProblem) return `${error.code}: ${error.message}`;
    throw error;
  }
}

/** The first problem of compiling every event source of the rule, as the engine did before it compiled lazily. */
function compileProblem(rule: SigmaRule): string | undefined {
  const slots = new FieldSlots();
  return problemOf(() => (mappings.resolve(rule.logsource) ?? []).forEach((selector) => compileRule(rule, selector, slots)));
}

function ruleWith(detection: string): SigmaRule {
  const { rules, errors } = parseRuleFile(`title: t\nlogsource: {product: linux}\ndetection:\n${detection}`, 'r.yml');
  expect(errors).toEqual([]);
  return rules[0];
}

describe('checkCompilable', () => {
  it.each([
    ['an unsafe regex', "  s:\n    a|re: '^(\\w+\\s?)*\\1$'\n  condition: s\n", 'SIGMA_UNSAFE_REGEX'],
    ['an invalid regex', "  s:\n    a|re: '(unclosed'\n  condition: s\n", 'SIGMA_BAD_REGEX'],
    ['a regex keyword', "  s:\n    '|re': 'a.*b'\n  condition: s\n", 'SIGMA_UNSUPPORTED_KEYWORD'],
    ['a bad regex inside an OR of maps', "  s:\n    - a: x\n    - b|re: '[z-a]'\n  condition: s\n", 'SIGMA_BAD_REGEX'],
    ['a bad regex reached through 1 of', "  s1:\n    a: x\n  s2:\n    b|re: '(?<'\n  condition: 1 of s*\n", 'SIGMA_BAD_REGEX'],
    ['a bad regex under not', "  s:\n    a: x\n  f:\n    b|re: '('\n  condition: s and not f\n", 'SIGMA_BAD_REGEX'],
    ['wildcards, cidr, numbers and field references', "  s:\n    a: 'x*y?z'\n    b|cidr: 10.0.0.0/8\n    c|gt: 5\n    d|fieldref: e\n  condition: s\n", undefined],
    ['a bad regex in an identifier the condition does not use', "  s:\n    a: x\n  unused:\n    b|re: '('\n  condition: s\n", undefined],
  ])('%s', (_name, detection, code) => {
    const rule = ruleWith(detection);
    const expected = compileProblem(rule);
    expect(expected?.split(':')[0]).toBe(code);
    expect(problemOf(() => checkCompilable(rule))).toBe(expected);
  });

  it('is what buildEngine rejects rules with, by name, before any event arrives', () => {
    const rule = ruleWith("  s:\n    a|re: '(unclosed'\n  condition: s\n");
    const { engine, errors } = buildEngine([rule], mappings);
    expect(errors).toEqual([expect.objectContaining({ code: 'SIGMA_BAD_REGEX', rule: 't' })]);
    expect(engine.ruleCount).toBe(0);
  });

  const root = findPackageRoot(import.meta.url) ?? process.cwd();
  const sigma = process.env.RAMPART_SIGMA_DIR ?? join(root, '..', 'shared', 'data', 'sigma');
  const folders = ['rules', 'rules-emerging-threats', 'rules-threat-hunting'].map((folder) => join(sigma, folder)).filter(existsSync);
  if (folders.length === 0) console.log(`skipped: SigmaHQ rules not found in ${sigma} (set RAMPART_SIGMA_DIR)`);
  it.skipIf(folders.length === 0)('agrees with compiling every SigmaHQ rule', async () => {
    const { rules } = await loadRules(folders);
    expect(rules.length).toBeGreaterThan(3000);
    const differences = rules.filter((rule) => problemOf(() => checkCompilable(rule)) !== compileProblem(rule));
    expect(differences.map((rule) => rule.location.file)).toEqual([]);
  });
});
