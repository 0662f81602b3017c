import { describe, expect, it } from 'vitest';
import { OrderedDelivery } from './ordered-delivery.js';

describe('OrderedDelivery', () => {
  it('streams the head file and holds later files until the files before them finish', () => {
    const out: string[] = [];
    const delivery = new OrderedDelivery<string>(3, (item) => out.push(item));
    delivery.add(2, 'c1');
    delivery.add(0, 'a1');
    delivery.add(1, 'b1');
    expect(out).toEqual(['a1']);
    delivery.finish(2);
    delivery.add(0, 'a2');
    expect(out).toEqual(['a1', 'a2']);
    delivery.finish(0);
    expect(out).toEqual(['a1', 'a2', 'b1']);
    delivery.add(1, 'b2');
    expect(out).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(delivery.complete).toBe(false);
    delivery.finish(1);
    expect(out).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
    expect(delivery.complete).toBe(true);
  });

  it('gives the same order whatever order the files finish in', () => {
    const files = [['a1', 'a2'], [], ['c1'], ['d1', 'd2', 'd3']];
    const expected = files.flat();
    for (const finishOrder of [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]]) {
      const out: string[] = [];
      const delivery = new OrderedDelivery<string>(files.length, (item) => out.push(item));
      for (const index of finishOrder) {
        for (const item of files[index]) delivery.add(index, item);
        delivery.finish(index);
      }
      expect(out, `finished in order ${finishOrder.join(',')}`).toEqual(expected);
      expect(delivery.complete).toBe(true);
    }
  });

  it('is complete at once with no files', () => {
    expect(new OrderedDelivery<string>(0, () => undefined).complete).toBe(true);
  });
});
