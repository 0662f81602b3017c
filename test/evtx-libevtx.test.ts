// Acceptance: for every .evtx in the attack samples, Rampart's reader gives the same records as
// libevtx's evtxexport (count, and per record the event id, time, computer, channel, provider and
// every EventData / UserData value). Prints `N of M files identical`.
import { describe, expect, it } from 'vitest';
import { evtxexportInstalled, evtxSampleFiles, evtxSamplesDirectory, evtxSamplesPresent } from './evtx-corpus.js';
import { evtxexportEvents, firstDifference, rampartEvents } from './evtx-compare.js';

const ready = evtxSamplesPresent && evtxexportInstalled;
if (!evtxSamplesPresent) console.log(`skipped: EVTX comparison: samples not found at ${evtxSamplesDirectory} (set RAMPART_EVTX_SAMPLES_DIR)`);
else if (!evtxexportInstalled) console.log('skipped: EVTX comparison: evtxexport (Debian package libevtx-utils) is not installed');

describe.runIf(ready)('the EVTX reader against libevtx evtxexport', () => {
  it('reads the same records as evtxexport from every attack sample', { timeout: 300_000 }, async () => {
    const files = evtxSampleFiles();
    const differences: string[] = [];
    const warnings: string[] = [];
    for (const file of files) {
      const theirs = evtxexportEvents(file);
      const ours = await rampartEvents(file);
      const difference = firstDifference(theirs, ours.events);
      const name = file.slice(evtxSamplesDirectory.length + 1);
      if (difference !== undefined) differences.push(`${name}: ${difference}`);
      for (const warning of ours.warnings) warnings.push(`${name}: ${warning}`);
    }
    console.log(`${files.length - differences.length} of ${files.length} files identical`);
    for (const line of [...differences, ...warnings]) console.log(`  ${line.slice(0, 500)}`);
    expect(files.length).toBeGreaterThan(200);
    expect(differences).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
