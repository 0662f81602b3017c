// Detections through the wire format: each rule described once per worker, put back on the other side.
import { describe, expect, it } from 'vitest';
import type { Detection } from '../core/detection.js';
import { RuleNumbering, RuleTable } from './detection-wire.js';
import type { FileBatchOnWire } from './worker-messages.js';

const ruleA: Detection['rule'] = { title: 'A', level: 'high', tags: ['attack.t1059'], references: [], file: 'a.yml' };
const ruleB: Detection['rule'] = { title: 'B', level: 'low', tags: [], references: ['https://example.org'], file: 'b.yml' };
const detection = (rule: Detection['rule'], line: number): Detection => ({ rule, event: { ref: { file: 'log.json', line } }, fields: { Image: `x${line}` } });

function batchOf(numbering: RuleNumbering, index: number, detections: Detection[]): FileBatchOnWire {
  const onWire = detections.map((found) => numbering.toWire(found));
  // Cloned, as postMessage does: object identity does not cross threads.
  return structuredClone({ index, detections: onWire, newRules: numbering.takeUnsent(), problems: [], problemCount: 0, events: detections.length, bytesRead: 1, done: true });
}

describe('detection wire format', () => {
  it('sends each rule once and gives every detection its rule back, equal to what was sent', () => {
    const numbering = new RuleNumbering();
    const sent = [
      [detection(ruleA, 1), detection(ruleB, 2), detection(ruleA, 3)],
      [detection(ruleB, 4), detection(ruleA, 5)],
    ];
    const batches = sent.map((detections, index) => batchOf(numbering, index, detections));
    expect(batches.map((batch) => batch.newRules.map((rule) => rule.title))).toEqual([['A', 'B'], []]);
    expect(batches[1].detections.map((found) => found.rule)).toEqual([1, 0]);
    const table = new RuleTable();
    const received = batches.map((batch) => table.fromWire(batch));
    expect(received.map((batch) => batch.detections)).toEqual(sent);
    // One object per rule on this side too.
    expect(received[1].detections[1].rule).toBe(received[0].detections[0].rule);
  });

  it('refuses a detection whose rule was never described', () => {
    const table = new RuleTable();
    const batch: FileBatchOnWire = { index: 0, detections: [{ rule: 3, event: { ref: { file: 'x', line: 1 } }, fields: {} }], newRules: [], problems: [], problemCount: 0, events: 1, bytesRead: 1, done: true };
    expect(() => table.fromWire(batch)).toThrow(/rule 3, which it never described/);
  });
});
