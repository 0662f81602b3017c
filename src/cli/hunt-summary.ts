// The summary printed after a hunt: what was read, what was wrong with it, what was found, how fast.
import { LEVELS } from '../core/level.js';
import type { HuntSummary } from '../hunt/hunt-tally.js';
import type { RuleSetSummary } from '../hunt/rule-set-summary.js';
import type { ProblemPrinter } from './problem-printer.js';

const TOP_RULES = 10;

/** `workers`: worker threads the hunt ran on, 0 when it ran in the main thread. */
export function formatHuntSummary(summary: HuntSummary, rules: RuleSetSummary, problems: ProblemPrinter, workers: number, colour: boolean): string {
  const bold = (text: string): string => (colour ? `\x1b[1m${text}\x1b[0m` : text);
  const number = (value: number): string => value.toLocaleString('en-US');
  const rate = summary.seconds > 0 ? Math.round(summary.events / summary.seconds) : summary.events;
  const threads = workers === 0 ? 'one thread' : `${workers} worker threads`;
  const levels = [...LEVELS].reverse().map((level) => `${level} ${number(summary.byLevel[level])}`).join(', ');
  const lines = [
    '',
    bold('Summary'),
    `  files        ${number(summary.files)} read`,
    `  events       ${number(summary.events)} read, ${number(summary.problems)} bad record(s) skipped${problems.count > 0 ? ' (warnings above)' : ''}`,
    `  rules        ${number(rules.ruleCount)} loaded, ${number(rules.rejected.length)} rejected${rules.rejected.length > 0 ? " (see 'rampart rules check')" : ''}, in ${(rules.loadMilliseconds / 1000).toFixed(2)} s`,
    `  detections   ${number(summary.detections)}: ${levels}`,
    `  speed        ${number(rate)} events/s (${summary.seconds.toFixed(2)} s, ${threads})`,
  ];
  if (summary.byRule.length > 0) {
    lines.push('', bold('Top rules'));
    for (const rule of summary.byRule.slice(0, TOP_RULES)) lines.push(`  ${String(rule.count).padStart(6)}  ${rule.level.padEnd(13)} ${rule.title}`);
    if (summary.byRule.length > TOP_RULES) lines.push(`  … ${summary.byRule.length - TOP_RULES} more rules`);
  }
  return lines.join('\n') + '\n';
}
