import { describe, expect, it } from 'vitest';
import { HandOutQueue } from './hand-out-queue.js';

/** Hands out every file, finishing them in the order given (or as handed out), and returns the hand-out order. */
function handOut(bytes: number[], workers: number): string[] {
  const queue = new HandOutQueue(bytes.map((size, index) => ({ path: `f${index}`, bytes: size })));
  const order: string[] = [];
  const busy: number[] = [];
  for (;;) {
    while (busy.length < workers) {
      const job = queue.next();
      if (job === undefined) break;
      order.push(job.path);
      busy.push(job.index);
    }
    const done = busy.shift();
    if (done === undefined) return order;
    queue.finish(done);
  }
}

describe('HandOutQueue', () => {
  it('hands out the head file first, then the biggest', () => {
    expect(handOut([1_000, 300_000, 50_000_000, 2_000_000, 0], 3)).toEqual(['f0', 'f2', 'f3', 'f1', 'f4']);
  });

  it('gives a free worker the new head file when the previous head finishes', () => {
    // f0 finishes first, so the head becomes f1 (small) and is handed out before the bigger f3.
    expect(handOut([1_000, 2_000, 40_000_000, 30_000_000], 2)).toEqual(['f0', 'f2', 'f1', 'f3']);
  });

  it('keeps input order among files of about the same size', () => {
    expect(handOut([70_100_000, 70_300_000, 70_200_000, 3_000_000, 70_000_000], 2)).toEqual(['f0', 'f1', 'f2', 'f4', 'f3']);
  });

  it('hands out in input order after the head when asked (the output is far behind)', () => {
    const queue = new HandOutQueue([10, 10, 1_000_000, 10, 2_000_000].map((bytes, index) => ({ path: `f${index}`, bytes })));
    expect(queue.next()?.path).toBe('f0');
    expect(queue.next()?.path).toBe('f4');
    expect(queue.next(true)?.path).toBe('f1');
    expect(queue.next(true)?.path).toBe('f2');
    expect(queue.next()?.path).toBe('f3');
    expect(queue.next(true)).toBeUndefined();
  });

  it('hands out each file once and then nothing', () => {
    const queue = new HandOutQueue([{ path: 'a', bytes: 1 }, { path: 'b', bytes: 2 }]);
    expect([queue.next()?.path, queue.next()?.path, queue.next()]).toEqual(['a', 'b', undefined]);
  });
});
