import { describe, expect, it } from 'vitest';
import { DistinctCounter, Tally } from './tally.js';
import { createHash } from 'node:crypto';

const hashOf = (value: string): Buffer => createHash('sha256').update(value).digest();

describe('Tally', () => {
  it('counts findings, distinct values across spellings, and keeps at most 5 different masked samples', () => {
    const tally = new Tally();
    for (let i = 0; i < 8; i++) tally.add('cn-mobile', `1380013800${i}`, { masked: `138******0${i}`, location: `f.txt:${i + 1}` });
    tally.add('cn-mobile', '138 0013 8000', { masked: '138*******00', location: 'f.txt:9' });
    tally.add('cn-resident-id', '11010519491231002x', { masked: '110*************2x', location: 'f.txt:10' });
    tally.add('cn-resident-id', '11010519491231002X', { masked: '110*************2X', location: 'f.txt:11' });
    const [mobile, id] = tally.result();
    expect(mobile).toMatchObject({ category: 'cn-mobile', count: 9, individuals: 8, individualsEstimated: false });
    expect(mobile.samples).toHaveLength(5);
    expect(id).toMatchObject({ category: 'cn-resident-id', count: 2, individuals: 1 });
  });
});

describe('DistinctCounter', () => {
  it('is exact up to its limit, then estimates within a few per cent and never below the limit', () => {
    const counter = new DistinctCounter(1000);
    for (let i = 0; i < 1000; i++) counter.addHash(hashOf(String(i)));
    expect(counter.count()).toBe(1000);
    expect(counter.estimated).toBe(false);
    for (let i = 0; i < 50_000; i++) counter.addHash(hashOf(String(i % 40_000)));
    expect(counter.estimated).toBe(true);
    expect(Math.abs(counter.count() - 40_000) / 40_000).toBeLessThan(0.04);
  });

  it('stays near the truth for 300,000 values in 16 KiB of registers', () => {
    const counter = new DistinctCounter(10);
    for (let i = 0; i < 300_000; i++) counter.addHash(hashOf(`v${i}`));
    expect(Math.abs(counter.count() - 300_000) / 300_000).toBeLessThan(0.04);
  });
});

describe('Tally.merge', () => {
  it('adds counts, distinct values (one person in both counted once) and samples, for the categories asked', () => {
    const file = new Tally();
    const column = new Tally();
    for (let i = 0; i < 10; i++) file.add('cn-mobile', `1380013800${i}`, { masked: `138******0${i}`, location: 'f.txt:1' });
    for (let i = 5; i < 20; i++) column.add('cn-mobile', `138001380${String(i).padStart(2, '0')}`, () => ({ masked: `138******${i}`, location: 'db.t.c' }));
    column.add('email', 'a@example.com', { masked: 'a***@example.com', location: 'db.t.c' });
    file.merge(column, ['cn-mobile']);
    expect(file.result()).toEqual([expect.objectContaining({ category: 'cn-mobile', count: 25, individuals: 20, individualsEstimated: false })]);
  });

  it('switches to the estimate when the union passes the exact limit', () => {
    const a = new Tally(100);
    const b = new Tally(100);
    for (let i = 0; i < 80; i++) a.add('email', `a${i}@example.com`, { masked: 'a***@example.com', location: 'x' });
    for (let i = 0; i < 80; i++) b.add('email', `b${i}@example.com`, { masked: 'b***@example.com', location: 'x' });
    a.merge(b);
    const [email] = a.result();
    expect(email).toMatchObject({ count: 160, individualsEstimated: true });
    expect(Math.abs(email!.individuals - 160)).toBeLessThanOrEqual(60);
  });

  it('calls a sample function only while samples are still wanted', () => {
    const tally = new Tally();
    let calls = 0;
    for (let i = 0; i < 100; i++) tally.add('ipv4', `10.0.0.${i}`, () => ({ masked: `1******${i}`, location: `x${++calls}` }));
    expect(calls).toBe(5);
  });
});
