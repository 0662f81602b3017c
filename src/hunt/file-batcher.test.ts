// What a worker sends for one file: detections and problems in batches, progress at most every 100 ms.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Detection } from '../core/detection.js';
import { RuleNumbering } from './detection-wire.js';
import { FileBatcher } from './file-batcher.js';
import type { FileBatchOnWire } from './worker-messages.js';

const rule: Detection['rule'] = { title: 'A', level: 'high', tags: [], references: [], file: 'a.yml' };
const detection: Detection = { rule, event: { ref: { file: 'x.evtx', record: 1 } }, fields: {} };

describe('FileBatcher', () => {
  afterEach(() => vi.restoreAllMocks());
  let clock = 1_000_000;
  const start = (): { batcher: FileBatcher; sent: FileBatchOnWire[] } => {
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const sent: FileBatchOnWire[] = [];
    return { batcher: new FileBatcher(7, 20, new RuleNumbering(), (batch) => sent.push(batch)), sent };
  };

  it('sends a file read in one go as one message', () => {
    const { batcher, sent } = start();
    batcher.progress(8192, 0);
    clock += 1;
    batcher.progress(8192, 0);
    batcher.addDetection(detection);
    batcher.finish(30);
    // The first progress goes (nothing was sent for 100 ms); the second, with nothing gathered, does not.
    expect(sent.map((batch) => [batch.index, batch.detections.length, batch.events, batch.done])).toEqual([
      [7, 0, 0, false],
      [7, 1, 30, true],
    ]);
    expect(sent[1].newRules).toEqual([rule]);
  });

  it('sends progress with what has gathered at once, and progress alone every 100 ms', () => {
    const { batcher, sent } = start();
    clock += 1000;
    batcher.progress(1 << 20, 100);
    batcher.addDetection(detection);
    clock += 10;
    batcher.progress(2 << 20, 200);
    clock += 10;
    batcher.progress(3 << 20, 300);
    clock += 100;
    batcher.progress(4 << 20, 400);
    expect(sent.map((batch) => [batch.bytesRead, batch.detections.length])).toEqual([
      [1 << 20, 0],
      [2 << 20, 1],
      [4 << 20, 0],
    ]);
  });
});
