// A detection: one rule matched one event. Carries what a person needs to judge it, and the
// rule's attribution (the Detection Rule License asks that authors and references travel with it).
import type { EventRef } from './event.js';
import type { Level } from './level.js';

export interface Detection {
  readonly rule: {
    readonly id?: string;
    readonly title: string;
    readonly level: Level;
    readonly status?: string;
    readonly tags: readonly string[];
    readonly author?: string;
    readonly references: readonly string[];
    readonly file: string;
  };
  readonly event: {
    readonly time?: string;
    readonly computer?: string;
    readonly channel?: string;
    readonly eventId?: string | number;
    readonly ref: EventRef;
  };
  /** The fields that matter for judging the detection: the rule's `fields`, or those its detection tests. */
  readonly fields: Readonly<Record<string, string>>;
}
