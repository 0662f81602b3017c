// Rule files parsed by the main thread and parse threads together give exactly what parsing them in
// one thread gives, in the same order, and the parse threads do take a share. Runs the built code
// (dist/), since the parse thread is a compiled script; `npm test` builds it first.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { placeholdersFixture, reportSkip, repositoryRoot, sigmaCorpus, sigmaCorpusPresent } from './sigma-corpus.js';
import { parallelParser, parseThreads } from '../src/hunt/parse-in-parallel.js';
import { parseFilesHere } from '../src/sigma/parse/load-rules.js';

const dist = (relative: string): string => JSON.stringify(pathToFileURL(join(repositoryRoot, 'dist', relative)).href);
const built = existsSync(join(repositoryRoot, 'dist', 'hunt', 'parse-worker.js'));
if (!built) console.log('skipped: parallel parsing: dist/ not built (npm run build)');

const script = `
import { readFileSync } from 'node:fs';
const { listRuleFiles, parseFilesHere } = await import(${dist('sigma/parse/load-rules.js')});
const { parallelParser } = await import(${dist('hunt/parse-in-parallel.js')});
const { loadPlaceholderFile } = await import(${dist('core/config.js')});
const folders = JSON.parse(process.argv[2]);
const files = folders.flatMap((folder) => listRuleFiles(folder)).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const report = {};
for (const placeholders of [loadPlaceholderFile(process.argv[3]), {}]) {
  const shared = await parallelParser(2)(files, { placeholders });
  const here = await parseFilesHere(files, { placeholders });
  report.files = files.length;
  report.byThreads = (report.byThreads ?? 0) + shared.filter((parsed) => parsed.json !== undefined).length;
  report.same = (report.same ?? true) && JSON.stringify(shared.map((parsed) => parsed.result)) === JSON.stringify(here.map((parsed) => parsed.result));
  report.jsonSame = (report.jsonSame ?? true) && shared.every((parsed) => parsed.json === undefined || parsed.json === JSON.stringify(parsed.result));
}
console.log(JSON.stringify(report));
`;

describe('parallel parsing', () => {
  it('parses in this thread when there is no compiled parse thread to start (as under these tests)', async () => {
    const files = [{ file: 'a.yml', text: 'title: a\nlogsource: {product: linux}\ndetection: {s: {a: b}, condition: s}\n' }];
    expect(await parallelParser(2)(files, {})).toEqual(await parseFilesHere(files, {}));
  });

  it('starts parse threads on free cores only, or as RAMPART_PARSE_THREADS says', () => {
    expect(parseThreads({}, 2, 0.2)).toBe(1);
    expect(parseThreads({}, 2, 0.7)).toBe(0);
    expect(parseThreads({}, 2, 5)).toBe(0);
    expect(parseThreads({}, 8, 1)).toBe(3);
    expect(parseThreads({}, 1, 0)).toBe(0);
    expect(parseThreads({ RAMPART_PARSE_THREADS: '0' }, 8, 0)).toBe(0);
    expect(parseThreads({ RAMPART_PARSE_THREADS: '2' }, 2, 5)).toBe(2);
    expect(parseThreads({ RAMPART_PARSE_THREADS: 'many' }, 2, 0.2)).toBe(1);
  });

  describe.skipIf(!built || !sigmaCorpusPresent)('over SigmaHQ, with the built parse thread', () => {
    reportSkip('parallel parsing over SigmaHQ');
    // Enough files for the threads to start (parse-in-parallel.ts's MIN_FILES), and placeholder rules.
    const folders = [join(sigmaCorpus, 'rules', 'windows', 'process_creation'), join(sigmaCorpus, 'rules-placeholder')];
    it('gives the same results, in order, with and without placeholders, the threads taking a share', async () => {
      const work = mkdtempSync(join(tmpdir(), 'rampart-parallel-'));
      try {
        writeFileSync(join(work, 'check.mjs'), script);
        const { stdout } = await promisify(execFile)(process.execPath, [join(work, 'check.mjs'), JSON.stringify(folders), placeholdersFixture], { maxBuffer: 1 << 20 });
        const report = JSON.parse(stdout) as { files: number; byThreads: number; same: boolean; jsonSame: boolean };
        expect(report.files).toBeGreaterThan(1000);
        expect(report).toMatchObject({ same: true, jsonSame: true });
        expect(report.byThreads).toBeGreaterThan(0);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
});
