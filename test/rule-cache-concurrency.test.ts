// Several processes, each with two worker threads, load the same rules with the same empty cache at
// once, as hunt workers do: every load gives the full result, every pack written is whole, and no
// temporary file is left. Runs the built code (dist/), as `rampart` does; `npm test` builds it first.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './sigma-corpus.js';

const built = join(repositoryRoot, 'dist', 'hunt', 'load-rule-set.js');
if (!existsSync(built)) console.log('skipped: rule cache concurrency: dist/ not built (npm run build)');

const work = mkdtempSync(join(tmpdir(), 'rampart-cache-race-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A child process: two worker threads, each loading the rules `rounds` times, reporting what they got. */
const child = `
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
if (isMainThread) {
  const [rules, cache, rounds] = process.argv.slice(2);
  const results = await Promise.all([0, 1].map(() => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { rules, cache, rounds: Number(rounds) } });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  console.log(JSON.stringify(results.flat()));
} else {
  const { loadRuleSet } = await import(${JSON.stringify(pathToFileURL(built).href)});
  const seen = [];
  for (let round = 0; round < workerData.rounds; round++) {
    const set = await loadRuleSet({ rulePaths: [workerData.rules], cacheDirectory: workerData.cache });
    seen.push({ parsed: set.parsed, rejected: set.rejected.length, rules: set.engine.ruleCount });
  }
  parentPort.postMessage(seen);
}
`;

const verifier = `
const { RuleCache } = await import(${JSON.stringify(pathToFileURL(join(repositoryRoot, 'dist', 'hunt', 'rule-cache.js')).href)});
const { loadRules } = await import(${JSON.stringify(pathToFileURL(join(repositoryRoot, 'dist', 'sigma', 'parse', 'load-rules.js')).href)});
const [rules, cache] = process.argv.slice(2);
const packed = new RuleCache(cache, [rules], {});
let misses = 0;
const loaded = await loadRules([rules], { cache: { get: (file, text) => packed.get(file, text), set: () => misses++ } });
const fresh = await loadRules([rules]);
console.log(JSON.stringify({ misses, same: JSON.stringify(loaded) === JSON.stringify(fresh) }));
`;

function run(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const process = spawn('node', [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    process.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    process.on('error', reject);
    process.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`child exited with ${code}`))));
  });
}

describe.skipIf(!existsSync(built))('rule cache under concurrent writers', () => {
  it('four processes with two worker threads each, starting together on an empty cache', async () => {
    const rules = join(work, 'rules');
    const cache = join(work, 'cache');
    mkdirSync(rules, { recursive: true });
    for (let i = 0; i < 400; i++) {
      const value = `value-${i}-${'x'.repeat(i % 50)}`;
      writeFileSync(join(rules, `rule-${String(i).padStart(3, '0')}.yml`), `title: Rule ${i}\nlogsource: {product: linux}\ndetection:\n  s:\n    CommandLine|contains: '${value}'\n  condition: s\n`);
    }
    writeFileSync(join(rules, 'broken.yml'), 'title: Broken\nlogsource: {product: linux}\ndetection:\n  s: {a|nosuch: x}\n  condition: s\n');
    const script = join(work, 'child.mjs');
    writeFileSync(script, child);

    const outputs = await Promise.all([0, 1, 2, 3].map(() => run(script, [rules, cache, '3'])));
    const loads = outputs.flatMap((output) => JSON.parse(output) as { parsed: number; rejected: number; rules: number }[]);
    expect(loads).toHaveLength(4 * 2 * 3);
    for (const load of loads) expect(load).toEqual({ parsed: 400, rejected: 1, rules: 400 });

    expect(readdirSync(cache).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(cache)).toHaveLength(1);
    // The pack left behind answers every file, and as parsing would (checked by the built code, whose
    // parser the pack was written by).
    const verify = join(work, 'verify.mjs');
    writeFileSync(verify, verifier);
    expect(JSON.parse(await run(verify, [rules, cache]))).toEqual({ misses: 0, same: true });
  });
});
