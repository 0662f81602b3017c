// Puts per-file results back into input order. Workers finish files in any order (the biggest are
// handed out first), so output order cannot come from timing: the head file, the first one not yet
// finished, streams straight through, and batches of later files wait until every file before them
// has finished. What waits is only what gets delivered (detections and the few problems sent in
// full), never events, so memory grows with detections, as with --sort time.
export class OrderedDelivery<T> {
  private head = 0;
  private readonly finished: boolean[];
  private readonly held = new Map<number, T[]>();
  /** Items waiting for an earlier file to finish. */
  heldItems = 0;

  constructor(
    private readonly count: number,
    private readonly deliver: (item: T) => void,
  ) {
    this.finished = new Array<boolean>(count).fill(false);
  }

  /** An item of file `index`, delivered now if that file is the head, else held. */
  add(index: number, item: T): void {
    if (index === this.head) {
      this.deliver(item);
      return;
    }
    const list = this.held.get(index);
    if (list) list.push(item);
    else this.held.set(index, [item]);
    this.heldItems++;
  }

  /** File `index` has no more items; when it is the head, the next files' held items follow. */
  finish(index: number): void {
    this.finished[index] = true;
    while (this.head < this.count && this.finished[this.head]) {
      this.head++;
      const waiting = this.held.get(this.head);
      if (waiting === undefined) continue;
      this.held.delete(this.head);
      this.heldItems -= waiting.length;
      for (const item of waiting) this.deliver(item);
    }
  }

  /** Every file finished and every item delivered. */
  get complete(): boolean {
    return this.head >= this.count;
  }
}
