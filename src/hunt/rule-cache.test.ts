// The parsed-rule cache: a second load of the same files is answered from the pack and equals a fresh
// parse; a changed file, other placeholder values or a damaged pack only make it parse again.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRules, type ParsedRuleCache } from '../sigma/parse/load-rules.js';
import type { PlaceholderValues } from '../sigma/parse/placeholders.js';
import { loadRuleSet } from './load-rule-set.js';
import { RuleCache, ruleCacheDirectory } from './rule-cache.js';

let work: string;
let rules: string;
let cacheDirectory: string;

function ruleText(title: string, value: string): string {
  return `title: ${title}\nlogsource: {product: linux}\ndetection:\n  s:\n    CommandLine|contains: '${value}'\n  condition: s\n`;
}

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'rampart-cache-test-'));
  rules = join(work, 'rules');
  cacheDirectory = join(work, 'cache');
  mkdirSync(join(rules, 'sub'), { recursive: true });
  writeFileSync(join(rules, 'a.yml'), ruleText('A', 'alpha'));
  writeFileSync(join(rules, 'sub', 'b.yml'), ruleText('B', 'beta'));
  writeFileSync(join(rules, 'bad.yml'), 'title: Bad\nlogsource: {product: linux}\ndetection:\n  s:\n    a|nosuch: x\n  condition: s\n');
  writeFileSync(join(rules, 'expand.yml'), "title: E\nlogsource: {product: linux}\ndetection:\n  s:\n    User|expand: '%Admins%'\n  condition: s\n");
  writeFileSync(join(rules, 'c.yml'), 'title: C\nlogsource: {product: linux}\ndetection:\n  s:\n    Size|lt: 0x10\n  condition: s\n');
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Loads through a fresh cache object, counting files answered from the pack. */
async function load(placeholders: PlaceholderValues = { Admins: ['root'] }) {
  const cache = new RuleCache(cacheDirectory, [rules], placeholders);
  let hits = 0;
  const counting: ParsedRuleCache = {
    get: (file, text) => {
      const result = cache.get(file, text);
      if (result !== undefined) hits++;
      return result;
    },
    set: (file, text, result) => cache.set(file, text, result),
  };
  const loaded = await loadRules([rules], { placeholders, cache: counting });
  cache.save();
  const fresh = await loadRules([rules], { placeholders });
  expect(loaded).toEqual(fresh);
  return { hits, loaded };
}

const packs = (): string[] => readdirSync(cacheDirectory);

describe('rule cache', () => {
  it('answers a second load from the pack, the same as parsing', async () => {
    expect((await load()).hits).toBe(0);
    expect(packs()).toHaveLength(1);
    const second = await load();
    expect(second.hits).toBe(5);
    expect(second.loaded.errors).toEqual([expect.objectContaining({ code: 'SIGMA_UNKNOWN_MODIFIER', location: expect.objectContaining({ line: 5, column: 5 }) })]);
  });

  it('does not rewrite a pack that answered everything it could', async () => {
    await load();
    const pack = join(cacheDirectory, packs()[0]);
    utimesSync(pack, new Date(2000, 0, 1), new Date(2000, 0, 1));
    await load();
    expect(statSync(pack).mtime.getFullYear()).toBe(2000);
  });

  it('parses a changed file again and keeps the others', async () => {
    await load();
    writeFileSync(join(rules, 'a.yml'), ruleText('A2', 'gamma'));
    const changed = await load();
    expect(changed.hits).toBe(4);
    expect(changed.loaded.rules.map((rule) => rule.title)).toContain('A2');
    expect((await load()).hits).toBe(5);
  });

  it('forgets a removed file and learns a new one', async () => {
    await load();
    rmSync(join(rules, 'sub', 'b.yml'));
    writeFileSync(join(rules, 'd.yml'), ruleText('D', 'delta'));
    expect((await load()).hits).toBe(4);
    expect((await load()).hits).toBe(5);
  });

  it('parses every time a file whose result JSON cannot carry, without rewriting the pack for it', () => {
    const file = join(rules, 'a.yml');
    const result = { rules: [], errors: [{ code: 'X', message: 'x', location: { file, line: NaN, column: 1 } }] };
    const first = new RuleCache(cacheDirectory, [rules], {});
    expect(first.get(file, 'text')).toBeUndefined();
    first.set(file, 'text', result);
    first.save();
    const pack = join(cacheDirectory, packs()[0]);
    utimesSync(pack, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const second = new RuleCache(cacheDirectory, [rules], {});
    expect(second.get(file, 'text')).toBeUndefined();
    second.set(file, 'text', result);
    second.save();
    expect(statSync(pack).mtime.getFullYear()).toBe(2000);
  });

  it('ignores a pack made for other placeholder values', async () => {
    await load({ Admins: ['root'] });
    expect((await load({ Admins: ['root', 'admin'] })).hits).toBe(0);
  });

  it.each([
    ['truncated', (data: Buffer) => data.subarray(0, data.length - 100)],
    ['one byte changed', (data: Buffer) => Buffer.concat([data.subarray(0, 300), Buffer.from('#'), data.subarray(301)])],
    ['empty', () => Buffer.alloc(0)],
    ['not a pack', () => Buffer.from('{"entries":{}}')],
    ['a valid checksum over the wrong shape', () => packOf('{"identity":"x","entries":[]}')],
    ['a right identity over wrong entries', (data: Buffer) => packOf(identityOf(data).replace(/"entries":\{.*\}\}$/s, '"entries":{"x":{"hash":1}}}'))],
  ])('ignores a damaged pack: %s', async (_name, damage) => {
    await load();
    const file = join(cacheDirectory, packs()[0]);
    writeFileSync(file, damage(readFileSync(file)));
    expect((await load()).hits).toBe(0);
    expect((await load()).hits).toBe(5);
  });

  it('is used by loadRuleSet, and changes nothing in its result', async () => {
    const options = { rulePaths: [rules], placeholders: { Admins: ['root'] } };
    const uncached = await loadRuleSet({ ...options, cacheDirectory: null });
    const first = await loadRuleSet({ ...options, cacheDirectory });
    const second = await loadRuleSet({ ...options, cacheDirectory });
    expect(packs()).toHaveLength(1);
    for (const set of [first, second]) {
      expect(set.rejected).toEqual(uncached.rejected);
      expect(set.engine.compiled.map((compiled) => compiled.rule)).toEqual(uncached.engine.compiled.map((compiled) => compiled.rule));
    }
  });

  it('lives where the environment says, and can be turned off', () => {
    expect(ruleCacheDirectory({ RAMPART_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/c' })).toBe('/x/y');
    expect(ruleCacheDirectory({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'rampart'));
    expect(ruleCacheDirectory({})).toMatch(/[/\\]\.cache[/\\]rampart$/);
    for (const off of ['off', '0', 'false', 'NO']) expect(ruleCacheDirectory({ RAMPART_CACHE: off, RAMPART_CACHE_DIR: '/x' })).toBeNull();
  });

  it('does not fail a load when the cache folder cannot be written', async () => {
    writeFileSync(join(work, 'file'), '');
    const set = await loadRuleSet({ rulePaths: [rules], placeholders: { Admins: ['root'] }, cacheDirectory: join(work, 'file', 'cache') });
    expect(set.parsed).toBe(4);
  });
});

function packOf(payload: string): Buffer {
  return Buffer.from(`rampart-rule-cache ${createHashHex(payload)}\n${payload}`, 'latin1');
}

function identityOf(data: Buffer): string {
  return data.subarray(data.indexOf(10) + 1).toString('latin1');
}

function createHashHex(text: string): string {
  return createHash('sha1').update(Buffer.from(text, 'latin1')).digest('hex');
}
