import { describe, expect, it } from 'vitest';
import type { EventSelector } from './mapping-types.js';
import { dedupeSelectors, restrictToService } from './selector-set.js';

const selector = (fields: Partial<EventSelector>): EventSelector => ({ name: 'test', fieldMap: {}, ...fields });

describe('restrictToService', () => {
  it('intersects channels, EventIDs and conditions, and keeps the category fieldMap', () => {
    const category = [
      selector({ name: 'cat', channels: ['A', 'B'], eventIds: [1, 2], conditions: { Kind: ['x', 'Y'] }, fieldMap: { Image: 'Path' } }),
    ];
    const service = [selector({ name: 'svc', channels: ['B', 'C'], eventIds: [2, 3], conditions: { Kind: ['y'], Other: ['z'] }, fieldMap: { Image: 'Ignored', User: 'Account' } })];
    expect(restrictToService(category, service)).toEqual([
      {
        name: 'cat within svc',
        channels: ['B'],
        eventIds: [2],
        conditions: { Kind: ['Y'], Other: ['z'] },
        fieldMap: { Image: 'Path', User: 'Account' },
      },
    ]);
  });

  it("treats '*' as any channel and keeps unrouted apart from channels", () => {
    expect(restrictToService([selector({ channels: ['*'] })], [selector({ channels: ['Security'] })])[0].channels).toEqual(['Security']);
    expect(restrictToService([selector({})], [selector({ channels: ['*'] })])).toEqual([]);
    expect(restrictToService([selector({})], [selector({})])[0].channels).toBeUndefined();
  });

  it('drops pairs that share no EventID or condition value', () => {
    expect(restrictToService([selector({ channels: ['A'], eventIds: [1] })], [selector({ channels: ['A'], eventIds: [2] })])).toEqual([]);
    expect(restrictToService([selector({ channels: ['A'], conditions: { K: ['a'] } })], [selector({ channels: ['A'], conditions: { K: ['b'] } })])).toEqual([]);
  });
});

describe('dedupeSelectors', () => {
  it('drops selectors that differ only by name', () => {
    const list = [selector({ name: 'linux' }), selector({ name: 'macos' }), selector({ name: 'win', channels: ['*'] })];
    expect(dedupeSelectors(list).map((s) => s.name)).toEqual(['linux', 'win']);
  });
});
