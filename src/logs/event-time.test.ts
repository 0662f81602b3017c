import { describe, expect, it } from 'vitest';
import { flatEventTime, toIsoTime } from './event-time.js';

describe('toIsoTime', () => {
  it('keeps ISO 8601 times as written, sub-millisecond digits included', () => {
    expect(toIsoTime('2026-04-17T05:24:53.092051Z')).toBe('2026-04-17T05:24:53.092051Z');
    expect(toIsoTime('2024-03-05T10:11:12.1234567+02:00')).toBe('2024-03-05T10:11:12.1234567+02:00');
  });

  it('puts in the T and takes times without a zone as UTC', () => {
    expect(toIsoTime('2026-04-17 05:24:53.079')).toBe('2026-04-17T05:24:53.079Z');
    expect(toIsoTime('2026-04-17T05:24:53')).toBe('2026-04-17T05:24:53Z');
  });

  it('converts epoch seconds, milliseconds, microseconds and nanoseconds', () => {
    const expected = '2023-11-14T22:13:20.000Z';
    expect(toIsoTime(1_700_000_000)).toBe(expected);
    expect(toIsoTime(1_700_000_000_000)).toBe(expected);
    expect(toIsoTime(1_700_000_000_000_000)).toBe(expected);
    expect(toIsoTime(1.7e18)).toBe(expected);
    expect(toIsoTime('1700000000')).toBe(expected);
  });

  it('parses other date formats Date understands and rejects the rest', () => {
    expect(toIsoTime('Tue, 05 Mar 2024 10:11:12 GMT')).toBe('2024-03-05T10:11:12.000Z');
    expect(toIsoTime('not a time')).toBeUndefined();
    expect(toIsoTime('2024-13-45T99:99:99Z')).toBeUndefined();
    expect(toIsoTime(Number.NaN)).toBeUndefined();
    expect(toIsoTime(-5)).toBeUndefined();
    expect(toIsoTime({})).toBeUndefined();
  });
});

describe('flatEventTime', () => {
  it('takes the first well-known time key in order of preference', () => {
    expect(flatEventTime({ time: '2024-01-02T00:00:00Z', '@timestamp': '2024-01-01T00:00:00Z' })).toBe('2024-01-01T00:00:00Z');
    expect(flatEventTime({ eventTime: 1_700_000_000 })).toBe('2023-11-14T22:13:20.000Z');
    expect(flatEventTime({ EventTime: '2024-01-01 01:02:03' })).toBe('2024-01-01T01:02:03Z');
  });

  it('skips keys whose value is not a time and gives undefined when none is', () => {
    expect(flatEventTime({ timestamp: { nested: true }, time: '2024-01-01T00:00:00Z' })).toBe('2024-01-01T00:00:00Z');
    expect(flatEventTime({ '@timestamp': 'garbage', TimeCreated: '2024-01-01T00:00:00Z' })).toBe('2024-01-01T00:00:00Z');
    expect(flatEventTime({ message: 'no time here' })).toBeUndefined();
  });
});

describe('toIsoTime fast path for canonical UTC', () => {
  it('accepts canonical UTC times exactly as written and sends anything odd down the careful path', () => {
    for (const time of ['2024-03-05T10:11:12Z', '2024-03-05T10:11:12.5Z', '2026-04-17T05:24:53.092051Z', '2016-12-31T23:59:60Z']) {
      expect(toIsoTime(time), time).toBe(time);
    }
    for (const bad of ['2024-00-05T10:11:12Z', '2024-03-32T10:11:12Z', '2024-03-05T24:11:12Z', '2024-03-05T10:11:12.Z', '2024-03-05T10:11:1xZ']) {
      expect(toIsoTime(bad), bad).toBeUndefined();
    }
  });
});
