// The order in which workers get files. Biggest first, so that a big file started last does not keep
// one thread busy while the others idle; but the head file (the first in input order not yet
// finished, the one the output is waiting for) is handed out as soon as a worker is free, so the
// output streams from the start and few detections wait. In effect one worker walks the files in
// input order while the others take the biggest. Sizes are compared by power of two, so files of
// about the same size (rotated logs) go in input order. The output order does not depend on any of
// this (ordered-delivery.ts).
import type { FileJob } from './worker-messages.js';

export interface QueuedFile {
  readonly path: string;
  readonly bytes: number;
}

export class HandOutQueue {
  /** Unassigned files, biggest size class first, then in input order. */
  private readonly bySize: { readonly index: number; readonly sizeClass: number }[];
  private readonly assigned: boolean[];
  private readonly finished: boolean[];
  private head = 0;
  /** bySize before this position is all assigned. */
  private cursor = 0;

  constructor(private readonly files: readonly QueuedFile[]) {
    this.bySize = files
      .map((file, index) => ({ index, sizeClass: file.bytes > 0 ? Math.floor(Math.log2(file.bytes)) : -1 }))
      .sort((a, b) => b.sizeClass - a.sizeClass || a.index - b.index);
    this.assigned = new Array<boolean>(files.length).fill(false);
    this.finished = new Array<boolean>(files.length).fill(false);
  }

  /**
   * The next file for a free worker, or undefined when every file has been handed out. `inOrder`: the
   * first unassigned file after the head instead of the biggest — asked for when the output is far
   * behind, so that finished files' detections stop piling up waiting for the head.
   */
  next(inOrder = false): FileJob | undefined {
    let index: number | undefined;
    if (this.head < this.files.length && !this.assigned[this.head]) index = this.head;
    else if (inOrder) {
      for (let i = this.head; i < this.files.length; i++) {
        if (!this.assigned[i]) {
          index = i;
          break;
        }
      }
    } else {
      while (this.cursor < this.bySize.length && this.assigned[this.bySize[this.cursor].index]) this.cursor++;
      index = this.bySize[this.cursor]?.index;
    }
    if (index === undefined) return undefined;
    this.assigned[index] = true;
    return { index, path: this.files[index].path };
  }

  /** A handed-out file is done; the head moves past every finished file. */
  finish(index: number): void {
    this.finished[index] = true;
    while (this.head < this.files.length && this.finished[this.head]) this.head++;
  }
}
