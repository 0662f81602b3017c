// The detection engine the server runs on ingested events. The engine is replaced whole when the rules
// change (reload), so a rule change takes effect for the next batch without a restart, and a batch in
// flight finishes with the engine it started with.
import type { LogEvent } from '../core/event.js';
import type { Level } from '../core/level.js';
import { loadRuleSet, type RuleSetOptions } from '../hunt/load-rule-set.js';
import type { SigmaEngine } from '../sigma/engine/sigma-engine.js';
import { toDetection } from '../sigma/engine/to-detection.js';
import { eventIdentity } from '../store/alert-id.js';
import type { NewAlert } from '../store/alerts.js';
import { ruleKey, type OrganisationRuleSet } from './organisation-rules.js';

export class LiveDetection {
  private constructor(
    private engine: SigmaEngine,
    private readonly options: RuleSetOptions,
    /** Rules loaded and rejected, for GET /api/rules/status. */
    public summary: { loaded: number; rejected: number },
  ) {}

  static async start(options: RuleSetOptions): Promise<LiveDetection> {
    const ruleSet = await loadRuleSet(options);
    return new LiveDetection(ruleSet.engine, options, { loaded: ruleSet.engine.ruleCount, rejected: ruleSet.rejected.length });
  }

  /** Extra log-source mapping files the rules were loaded with; organisations' own rules use them too. */
  get mappingFiles(): readonly string[] {
    return this.options.mappingFiles ?? [];
  }

  /** Loads the rules again; the old engine keeps serving until the new one is ready. */
  async reload(): Promise<void> {
    const ruleSet = await loadRuleSet(this.options);
    this.engine = ruleSet.engine;
    this.summary = { loaded: ruleSet.engine.ruleCount, rejected: ruleSet.rejected.length };
  }

  /**
   * The alerts the events raise; `receivedAt` stands in for events without a time of their own.
   * `identityOf` says what makes an event itself (default: its time and fields, so a batch sent again
   * is recognised); a stream without retries, like syslog, gives each message its own.
   */
  detect(
    events: readonly LogEvent[],
    source: string,
    receivedAt: string,
    identityOf: (event: LogEvent) => string = eventIdentity,
    organisationRules: OrganisationRuleSet = { suppressed: new Set() },
  ): NewAlert[] {
    const engine = this.engine;
    const extra = organisationRules.engine;
    const suppressed = organisationRules.suppressed;
    const alerts: NewAlert[] = [];
    for (const event of events) {
      const base = engine.match(event);
      const matched = extra === undefined ? base : [...base, ...extra.match(event)];
      if (matched.length === 0) continue;
      const identity = identityOf(event);
      for (const compiled of matched) {
        if (suppressed.size > 0 && suppressed.has(ruleKey(compiled.rule))) continue;
        const detection = toDetection(compiled, event);
        const eventId = Number(detection.event.eventId);
        alerts.push({
          ruleId: ruleKey(compiled.rule),
          ruleTitle: detection.rule.title,
          level: detection.rule.level as Level,
          tags: detection.rule.tags.map((tag) => tag.toLowerCase()),
          eventTime: validTime(event.time) ?? receivedAt,
          computer: detection.event.computer ?? hostOf(event.fields),
          channel: detection.event.channel,
          eventId: Number.isInteger(eventId) ? eventId : undefined,
          source,
          fields: detection.fields,
          event: event.fields,
          identity,
        });
      }
    }
    return alerts;
  }
}

function validTime(time: string | undefined): string | undefined {
  if (time === undefined) return undefined;
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/** The host of an event that has no Windows `Computer` field: syslog's `hostname`, or a flat `host`. */
function hostOf(fields: Readonly<Record<string, unknown>>): string | undefined {
  for (const name of ['hostname', 'host', 'Hostname']) if (typeof fields[name] === 'string') return fields[name] as string;
  return undefined;
}
