// The engine: compiled rules routed by log source. An event is tried only against the rules whose
// log source it can satisfy (its Windows channel and event id, or the non-Windows group), and within
// that group only against the rules the anchor index picks.
//
// Rules are checked when the engine is built but compiled when a group that needs them is first built:
// compiling all of SigmaHQ took most of a second of loading, and a hunt over Windows logs never needs
// the Linux, cloud or web rules. A rule is compiled once per event source, however many groups use it.
import type { LogEvent } from '../../core/event.js';
import type { RuleError, RuleInfo, SigmaRule } from '../parse/rule-types.js';
import type { EventSelector, LogsourceMappings } from '../mapping/logsource-mapping.js';
import { RuleProblem } from '../parse/rule-problem.js';
import { compileRule, ruleInfo, type CompiledRule } from '../compile/compile-rule.js';
import { checkCompilable } from '../compile/check-rule.js';
import { AnchorIndex, RecentValueBudget } from '../compile/anchor-index.js';
import { EventView, FieldSlots } from '../compile/event-view.js';

/**
 * The rules one kind of event is tried against, as up to three indexes: rules of its channel for any
 * event id, rules for any channel, and rules for its channel and this event id. The first two are
 * shared by every event id of the channel: a Security log holds dozens of event ids, and building the
 * index of its ~400 channel-wide rules once per event id was most of a hunt over mixed files.
 */
interface Group {
  readonly parts: readonly GroupPart[];
}

interface GroupPart {
  readonly index: AnchorIndex;
  /** Load order of `index.rules[i]`: detections of one event are reported in load order. */
  readonly positions: readonly number[];
}

/**
 * A rule for one event source of its log source; compiled on first use. The typed rule is let go once
 * compiled: when every variant of a rule is, its parsed detection can be collected.
 */
interface Variant {
  source: SigmaRule | undefined;
  /** One object for every variant of a rule. */
  readonly info: RuleInfo;
  readonly selector: EventSelector;
  /** Load order: the order detections of one event are reported in. */
  readonly position: number;
  compiled?: CompiledRule;
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
  const accepted: { rule: SigmaRule; selector: EventSelector }[] = [];
  const errors: RuleError[] = [];
  let ruleCount = 0;
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
      checkCompilable(rule);
    } catch (error) {
      if (!(error instanceof RuleProblem)) throw error;
      errors.push({ code: error.code, message: error.message, location: rule.location, rule: rule.title });
      continue;
    }
    for (const selector of selectors) accepted.push({ rule, selector });
    ruleCount++;
  }
  return { engine: new SigmaEngine(accepted, ruleCount), errors };
}

export class SigmaEngine {
  private readonly variants: readonly Variant[];
  private readonly byChannel = new Map<string, Variant[]>();
  private readonly anyChannel: Variant[] = [];
  private readonly unrouted: Variant[] = [];
  private readonly groups = new Map<string, Group>();
  /** Channel as the event spells it → event id as the event has it (number or text) → its group. */
  private readonly byExactSource = new Map<string, Map<number | string, Group>>();
  private exactSources = 0;
  private readonly sharedParts = new Map<string, GroupPart>();
  private readonly recentValues = new RecentValueBudget();
  private readonly slots = new FieldSlots();
  private readonly view = new EventView(this.slots);
  private allCompiled: readonly CompiledRule[] | undefined;

  constructor(
    accepted: readonly { readonly rule: SigmaRule; readonly selector: EventSelector }[],
    /** Number of rules accepted (a rule may have several variants, one per event source). */
    readonly ruleCount: number,
  ) {
    const infos = new Map<SigmaRule, RuleInfo>();
    this.variants = accepted.map(({ rule, selector }, position) => {
      let info = infos.get(rule);
      if (info === undefined) infos.set(rule, (info = ruleInfo(rule)));
      return { source: rule, info, selector, position };
    });
    for (const variant of this.variants) {
      const channels = variant.selector.channels;
      if (!channels) this.unrouted.push(variant);
      else if (channels.includes('*')) this.anyChannel.push(variant);
      else {
        for (const channel of channels) {
          const key = channel.toLowerCase();
          const list = this.byChannel.get(key);
          if (list) list.push(variant);
          else this.byChannel.set(key, [variant]);
        }
      }
    }
  }

  /** Every variant compiled, in load order (compiles those no event has needed yet). */
  get compiled(): readonly CompiledRule[] {
    this.allCompiled ??= this.variants.map((variant) => this.compile(variant));
    return this.allCompiled;
  }

  /** The rules that match the event, in load order. */
  match(event: LogEvent): readonly CompiledRule[] {
    const fields = event.fields;
    const group = this.groupOf(fields);
    const view = this.view;
    view.reset(fields);
    // Most events match nothing: the lists are only allocated for the first match.
    let matched: CompiledRule[] | undefined;
    let order: number[] | undefined;
    let sorted = true;
    for (const part of group.parts) {
      const index = part.index;
      for (const position of index.candidates(view)) {
        const compiled = index.rules[position];
        if (!compiled.matches(view)) continue;
        // Two event sources of one rule can overlap (a product-less logsource); report the rule once.
        if (matched !== undefined && matched.some((other) => other.rule === compiled.rule)) continue;
        const loadOrder = part.positions[position];
        if (matched === undefined || order === undefined) {
          matched = [compiled];
          order = [loadOrder];
        } else {
          if (loadOrder < order[order.length - 1]) sorted = false;
          matched.push(compiled);
          order.push(loadOrder);
        }
      }
    }
    if (matched === undefined || order === undefined) return NO_MATCHES;
    if (!sorted) {
      const byOrder = matched.map((compiled, i) => ({ compiled, loadOrder: (order as number[])[i] })).sort((a, b) => a.loadOrder - b.loadOrder);
      return byOrder.map((entry) => entry.compiled);
    }
    return matched;
  }

  /**
   * The event's group. Looked up first by the channel and event id exactly as the event has them:
   * the lower-cased key string built for every event was a twentieth of the hunt's garbage.
   */
  private groupOf(fields: Record<string, unknown>): Group {
    const channel = fields.Channel;
    const eventId = fields.EventID;
    const exact = typeof channel === 'string' && (typeof eventId === 'number' || typeof eventId === 'string');
    if (exact) {
      const known = this.byExactSource.get(channel)?.get(eventId);
      if (known !== undefined) return known;
    }
    const key = typeof channel === 'string' ? `${channel.toLowerCase()}\u0000${String(eventId ?? '')}` : UNROUTED;
    const group = this.groups.get(key) ?? this.buildGroup(key, typeof channel === 'string' ? channel : undefined, eventId);
    if (exact) {
      if (this.exactSources >= MAX_GROUPS) {
        this.byExactSource.clear();
        this.exactSources = 0;
      }
      let byId = this.byExactSource.get(channel);
      if (byId === undefined) this.byExactSource.set(channel, (byId = new Map()));
      byId.set(eventId, group);
      this.exactSources++;
    }
    return group;
  }

  private buildGroup(key: string, channel: string | undefined, eventId: unknown): Group {
    if (this.groups.size >= MAX_GROUPS) {
      this.groups.clear();
      this.recentValues.used = 0;
      this.sharedParts.clear();
    }
    let parts: GroupPart[];
    if (channel === undefined) parts = [this.sharedPart(UNROUTED, () => this.unrouted)];
    else {
      const id = Number(eventId);
      const channelKey = channel.toLowerCase();
      const ofChannel = this.byChannel.get(channelKey) ?? [];
      parts = [
        this.sharedPart(`channel\u0000${channelKey}`, () => ofChannel.filter((variant) => !variant.selector.eventIds)),
        this.sharedPart('any-channel', () => this.anyChannel.filter((variant) => !variant.selector.eventIds)),
        this.part([...ofChannel, ...this.anyChannel].filter((variant) => variant.selector.eventIds?.includes(id))),
      ].filter((part) => part.index.rules.length > 0);
    }
    const group = { parts };
    this.groups.set(key, group);
    return group;
  }

  private sharedPart(key: string, variants: () => Variant[]): GroupPart {
    let part = this.sharedParts.get(key);
    if (part === undefined) {
      part = this.part(variants());
      this.sharedParts.set(key, part);
    }
    return part;
  }

  private part(variants: Variant[]): GroupPart {
    variants.sort((a, b) => a.position - b.position);
    return { index: new AnchorIndex(variants.map((variant) => this.compile(variant)), this.slots, this.recentValues), positions: variants.map((variant) => variant.position) };
  }

  /** buildEngine has checked the rule (check-rule.ts), so compiling it cannot fail. */
  private compile(variant: Variant): CompiledRule {
    if (variant.compiled === undefined) {
      variant.compiled = compileRule(variant.source as SigmaRule, variant.selector, this.slots, variant.info);
      variant.source = undefined;
    }
    return variant.compiled;
  }

  /** Statistics for `rules check` and the hunt summary. */
  describe(): { rules: number; variants: number; alwaysEvaluated: number } {
    const compiled = this.compiled;
    return { rules: this.ruleCount, variants: compiled.length, alwaysEvaluated: compiled.filter((rule) => rule.anchors === null).length };
  }
}
