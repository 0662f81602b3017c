// An alert's id is derived from what it is — the organisation, the rule, and the event's identity —
// so sending the same batch twice (a retry after a lost acknowledgement, a hunt pushed again) stores
// each alert once. Two events identical in every field are one event to Rampart.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The event's identity: its source reference when it has a stable one, else its content. */
export function eventIdentity(event: { readonly fields: unknown; readonly time?: string }): string {
  return canonicalJson([event.time ?? null, event.fields]);
}

export function alertId(organisationId: string, ruleId: string, identity: string): string {
  return createHash('sha256').update(`${organisationId}\u0000${ruleId}\u0000${identity}`).digest('hex').slice(0, 40);
}
