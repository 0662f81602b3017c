// Where the third-party SigmaHQ corpus is: $RAMPART_SIGMA_DIR, or ../shared/data/sigma beside the
// repository. Tests that need it skip with a printed reason when it is absent.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const sigmaCorpus = process.env.RAMPART_SIGMA_DIR ?? join(repositoryRoot, '..', 'shared', 'data', 'sigma');

export const sigmaCorpusPresent = existsSync(join(sigmaCorpus, 'rules'));

/** The rule folders the coverage and conformance checks load. */
export const sigmaRuleFolders = ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-placeholder'].map((folder) => join(sigmaCorpus, folder));

export const placeholdersFixture = join(repositoryRoot, 'test', 'fixtures', 'sigmahq-placeholders.yaml');

export function reportSkip(what: string): void {
  if (!sigmaCorpusPresent) console.log(`skipped: ${what}: SigmaHQ corpus not found at ${sigmaCorpus} (set RAMPART_SIGMA_DIR)`);
}
