// The engine: compiled rules routed by log source. An event is tried only against the rules whose
// log source it can satisfy (its Windows channel and event id, or the non-Windows group), and within
// that group only against the rules the anchor index picks.
import type { LogEvent } from '../../core/event.js';
import type { RuleError, SigmaRule } from '../parse/rule-types.js';
import type { EventSelector, LogsourceMappings } from '../mapping/logsource-mapping.js';
import { RuleProblem } from '../parse/rule-problem.js';
import { compileRule, type CompiledRule } from '../compile/compile-rule.js';
import { AnchorIndex } from '../compile/anchor-index.js';
import { EventView, FieldSlots } from '../compile/event-view.js';

interface Group {
  readonly index: AnchorIndex;
}

/** Groups are built lazily per (channel, event id); a hostile input with endless combinations cannot grow this past the cap. */
const MAX_GROUPS = 4096;
const UNROUTED = '\u0000unrouted';
const NO_MATCHES: readonly CompiledRule[] = Object.freeze([]);

export interface EngineBuild {
  readonly engine: SigmaEngine;
  /** Rules rejected at compile time (unknown log source, unsafe regex, ...). */
  readonly errors: RuleError[];
}

export function buildEngine(rules: readonly SigmaRule[], mappings: LogsourceMappings): EngineBuild {
  const slots = new FieldSlots();
  const compiled: CompiledRule[] = [];
  const errors: RuleError[] = [];
  let accepted = 0;
  for (const rule of rules) {
    const selectors = mappings.resolve(rule.logsource);
    if (!selectors || selectors.length === 0) {
      const { product, category, service } = rule.logsource;
      const described = Object.entries({ product, category, service })
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}: ${value}`)
        .join(', ');
      errors.push({ code: 'SIGMA_UNKNOWN_LOGSOURCE', message: `no log-source mapping for {${described}} (add one with --mapping FILE)`, location: rule.location, rule: rule.title });
      continue;
    }
    try {
      const variants = selectors.map((selector) => compileRule(rule, selector, slots));
      compiled.push(...variants);
      accepted++;
    } catch (error) {
      if (!(error instanceof RuleProblem)) throw error;
      errors.push({ code: error.code, message: error.message, location: rule.location, rule: rule.title });
    }
  }
  return { engine: new SigmaEngine(compiled, slots, accepted), errors };
}

export class SigmaEngine {
  private readonly byChannel = new Map<string, CompiledRule[]>();
  private readonly anyChannel: CompiledRule[] = [];
  private readonly unrouted: CompiledRule[] = [];
  private readonly groups = new Map<string, Group>();
  private readonly view: EventView;

  constructor(
    readonly compiled: readonly CompiledRule[],
    private readonly slots: FieldSlots,
    /** Number of rules accepted (a rule may have several compiled variants, one per event source). */
    readonly ruleCount: number,
  ) {
    this.view = new EventView(slots);
    for (const rule of compiled) {
      const channels = rule.selector.channels;
      if (!channels) this.unrouted.push(rule);
      else if (channels.includes('*')) this.anyChannel.push(rule);
      else {
        for (const channel of channels) {
          const key = channel.toLowerCase();
          const list = this.byChannel.get(key);
          if (list) list.push(rule);
          else this.byChannel.set(key, [rule]);
        }
      }
    }
  }

  /** The rules that match the event, in load order. */
  match(event: LogEvent): readonly CompiledRule[] {
    const fields = event.fields;
    const channel = fields.Channel;
    const key = typeof channel === 'string' ? `${channel.toLowerCase()}\u0000${String(fields.EventID ?? '')}` : UNROUTED;
    let group = this.groups.get(key);
    if (!group) group = this.buildGroup(key, typeof channel === 'string' ? channel : undefined, fields.EventID);
    const view = this.view;
    view.reset(fields);
    const index = group.index;
    const positions = index.candidates(view);
    // Most events match nothing: the list is only allocated for the first match.
    let matched: CompiledRule[] | undefined;
    for (const position of positions) {
      const compiled = index.rules[position];
      if (!compiled.matches(view)) continue;
      if (matched === undefined) matched = [compiled];
      // Two event sources of one rule can overlap (a product-less logsource); report the rule once.
      else if (!matched.some((other) => other.rule === compiled.rule)) matched.push(compiled);
    }
    return matched ?? NO_MATCHES;
  }

  private buildGroup(key: string, channel: string | undefined, eventId: unknown): Group {
    let rules: CompiledRule[];
    if (channel === undefined) rules = this.unrouted;
    else {
      const id = Number(eventId);
      const inGroup = (selector: EventSelector): boolean => !selector.eventIds || selector.eventIds.includes(id);
      const candidates = [...(this.byChannel.get(channel.toLowerCase()) ?? []), ...this.anyChannel];
      const order = new Map(this.compiled.map((rule, position) => [rule, position]));
      rules = candidates.filter((rule) => inGroup(rule.selector)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    }
    if (this.groups.size >= MAX_GROUPS) this.groups.clear();
    const group = { index: new AnchorIndex(rules, this.slots) };
    this.groups.set(key, group);
    return group;
  }

  /** Statistics for `rules check` and the hunt summary. */
  describe(): { rules: number; variants: number; alwaysEvaluated: number } {
    return { rules: this.ruleCount, variants: this.compiled.length, alwaysEvaluated: this.compiled.filter((rule) => rule.anchors === null).length };
  }
}
