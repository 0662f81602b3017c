// Answers "which events can satisfy this logsource?" from the merged mapping entries. Called once per
// rule at load time (thousands of rules), so every answer is cached by its folded key and the
// product-less unions are computed once.
//
// Order of lookups for a rule's product P, category C, service S:
//   1. an entry for exactly P|C|S;
//   2. C and S both given: C's selectors restricted to S's logs (each part resolved as below);
//   3. only C (or only S): the entry P|C, else the product-less entry |C, else P's unmapped policy;
//      without P: the product-less entry |C, else the union of every product's C entry;
//   4. only P: the entry P, else P's unmapped policy; nothing at all: every event.
// An unmapped policy of `reject` (Windows) gives undefined, so the rule is rejected by name; `unrouted`
// (every other product) gives one selector for events without a Channel field.
import type { Logsource } from '../parse/rule-types.js';
import { logsourceKey } from './logsource-key.js';
import type { EventSelector, LogsourceMappings, MappingEntry, UnmappedPolicy } from './mapping-types.js';
import { dedupeSelectors, restrictToService } from './selector-set.js';

type Selectors = readonly EventSelector[];

const anyEvent: Selectors = Object.freeze([
  Object.freeze({ name: 'any Windows channel', channels: Object.freeze(['*']), fieldMap: Object.freeze({}) }),
  Object.freeze({ name: 'any event without a Channel', fieldMap: Object.freeze({}) }),
]);

export class LogsourceResolver implements LogsourceMappings {
  private readonly exact = new Map<string, Selectors>();
  private readonly productlessByCategory = new Map<string, Selectors>();
  private readonly productlessByService = new Map<string, Selectors>();
  private readonly unroutedByProduct = new Map<string, Selectors>();
  private readonly cache = new Map<string, Selectors | undefined>();

  constructor(
    entries: readonly MappingEntry[],
    private readonly policies: ReadonlyMap<string, UnmappedPolicy>,
  ) {
    for (const entry of entries) this.exact.set(entry.key, entry.selectors);
    const byCategory = new Map<string, EventSelector[]>();
    const byService = new Map<string, EventSelector[]>();
    for (const [key, selectors] of this.exact) {
      const [product, category, service] = key.split('|');
      if (!product) continue;
      if (category && !service) append(byCategory, category, selectors);
      if (service && !category) append(byService, service, selectors);
    }
    for (const [category, selectors] of byCategory) this.productlessByCategory.set(category, Object.freeze(dedupeSelectors(selectors)));
    for (const [service, selectors] of byService) this.productlessByService.set(service, Object.freeze(dedupeSelectors(selectors)));
  }

  resolve(logsource: Logsource): Selectors | undefined {
    const key = logsourceKey(logsource);
    if (this.cache.has(key)) return this.cache.get(key);
    const [product, category, service] = key.split('|');
    const selectors = this.compute(product, category, service);
    this.cache.set(key, selectors);
    return selectors;
  }

  private compute(product: string, category: string, service: string): Selectors | undefined {
    const exact = this.exact.get(`${product}|${category}|${service}`);
    if (exact) return exact;
    if (category && service) {
      const categorySelectors = this.part(product, category, '');
      const serviceSelectors = this.part(product, '', service);
      if (!categorySelectors || !serviceSelectors) return undefined;
      const restricted = restrictToService(categorySelectors, serviceSelectors);
      return restricted.length > 0 ? Object.freeze(restricted) : undefined;
    }
    if (category || service) return this.part(product, category, service);
    if (product) return this.unmapped(product);
    return anyEvent;
  }

  /** Exactly one of category / service is non-empty. */
  private part(product: string, category: string, service: string): Selectors | undefined {
    const own = this.exact.get(`${product}|${category}|${service}`);
    if (own) return own;
    const productless = this.exact.get(`|${category}|${service}`);
    if (productless) return productless;
    if (product) return this.unmapped(product);
    const union = category ? this.productlessByCategory.get(category) : this.productlessByService.get(service);
    return union ?? this.unmapped('');
  }

  private unmapped(product: string): Selectors | undefined {
    if (this.policies.get(product) === 'reject') return undefined;
    let selectors = this.unroutedByProduct.get(product);
    if (!selectors) {
      const name = product ? `${product} (no mapping entry): events without a Channel` : 'events without a Channel';
      selectors = Object.freeze([Object.freeze({ name, fieldMap: Object.freeze({}) })]);
      this.unroutedByProduct.set(product, selectors);
    }
    return selectors;
  }
}

function append(map: Map<string, EventSelector[]>, key: string, selectors: Selectors): void {
  const list = map.get(key);
  if (list) list.push(...selectors);
  else map.set(key, [...selectors]);
}
