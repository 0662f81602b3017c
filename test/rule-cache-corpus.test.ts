// The rule cache over all of SigmaHQ: rules and errors read back from the pack equal those parsed
// (JSON keeps everything a parsed rule holds), and a second load parses nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/sigma/parse/load-rules.js';
import { RuleCache } from '../src/hunt/rule-cache.js';
import { loadPlaceholderFile } from '../src/core/config.js';
import { placeholdersFixture, reportSkip, sigmaCorpusPresent, sigmaRuleFolders } from './sigma-corpus.js';

describe.skipIf(!sigmaCorpusPresent)('rule cache over SigmaHQ', () => {
  reportSkip('rule cache over SigmaHQ');

  it('reads back what was parsed, and parses nothing the second time', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'rampart-cache-corpus-'));
    try {
      const placeholders = loadPlaceholderFile(placeholdersFixture);
      const first = new RuleCache(directory, sigmaRuleFolders, placeholders);
      const parsed = await loadRules(sigmaRuleFolders, { placeholders, cache: first });
      first.save();
      const second = new RuleCache(directory, sigmaRuleFolders, placeholders);
      let misses = 0;
      const cached = await loadRules(sigmaRuleFolders, { placeholders, cache: { get: (file, text) => second.get(file, text), set: () => misses++ } });
      expect(misses).toBe(0);
      expect(cached.rules.length).toBeGreaterThan(3700);
      expect(cached).toEqual(parsed);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
