// Where the third-party EVTX attack samples are: $RAMPART_EVTX_SAMPLES_DIR, or
// ../shared/data/evtx-attack-samples beside the repository; and whether libevtx's evtxexport (the
// reference the EVTX reader is compared with) is installed. Tests skip with a printed reason otherwise.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './sigma-corpus.js';

export const evtxSamplesDirectory = process.env.RAMPART_EVTX_SAMPLES_DIR ?? join(repositoryRoot, '..', 'shared', 'data', 'evtx-attack-samples');

export const evtxSamplesPresent = existsSync(evtxSamplesDirectory);

/** Every .evtx file under the samples folder, sorted. */
export function evtxSampleFiles(directory = evtxSamplesDirectory): string[] {
  if (!existsSync(directory)) return [];
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.toLowerCase().endsWith('.evtx')) found.push(path);
    }
  };
  walk(directory);
  return found.sort();
}

export const evtxexportInstalled = ((): boolean => {
  try {
    execFileSync('evtxexport', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
