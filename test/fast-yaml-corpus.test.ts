// The fast YAML reader against the located one over every SigmaHQ rule file: the same rules (metadata,
// detection, condition, place) and the same located errors, and nearly every file taken by the fast
// reader (otherwise the speed-up would be gone without any test noticing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuleFiles } from '../src/sigma/parse/load-rules.js';
import { readFastYaml } from '../src/sigma/parse/fast-yaml.js';
import { parseRuleFile, parseRuleFileLocated } from '../src/sigma/parse/parse-rule-file.js';
import { loadPlaceholderFile } from '../src/core/config.js';
import { placeholdersFixture, reportSkip, sigmaCorpus, sigmaCorpusPresent, sigmaRuleFolders } from './sigma-corpus.js';

describe.skipIf(!sigmaCorpusPresent)('fast YAML reader over SigmaHQ', () => {
  reportSkip('fast YAML reader over SigmaHQ');

  it('gives the same rules as the located reader, and reads nearly every file itself', () => {
    const placeholders = loadPlaceholderFile(placeholdersFixture);
    const files = sigmaRuleFolders.flatMap((folder) => listRuleFiles(folder));
    let fast = 0;
    let rules = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (readFastYaml(text) !== undefined) fast++;
      const expected = parseRuleFileLocated(text, file, { placeholders });
      expect(parseRuleFile(text, file, { placeholders }), file).toEqual(expected);
      rules += expected.rules.length;
    }
    expect(rules).toBeGreaterThan(3700);
    expect(fast / files.length).toBeGreaterThan(0.99);
  });

  it('gives the same located errors: placeholder rules without their values', () => {
    const files = listRuleFiles(join(sigmaCorpus, 'rules-placeholder'));
    let errors = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const expected = parseRuleFileLocated(text, file);
      expect(parseRuleFile(text, file), file).toEqual(expected);
      errors += expected.errors.length;
    }
    expect(errors).toBeGreaterThan(10);
  });
});
