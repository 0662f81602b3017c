// Where every benchmark finds the repository and the third-party corpora, in one place: SigmaHQ at
// $RAMPART_SIGMA_DIR or ../shared/data/sigma beside the repository, the EVTX samples at
// $RAMPART_EVTX_SAMPLES_DIR or ../shared/data/evtx-attack-samples, and the rule folders the issues'
// figures are measured with.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const RULE_FOLDERS = ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-placeholder'];

/** Values for SigmaHQ's `|expand` placeholders, as the tests use them. */
export const PLACEHOLDERS_FIXTURE = path.join(REPO, 'test', 'fixtures', 'sigmahq-placeholders.yaml');

export function defaultSigmaDirectory() {
  return process.env.RAMPART_SIGMA_DIR ?? path.resolve(REPO, '..', 'shared', 'data', 'sigma');
}

export function defaultEvtxSamplesDirectory() {
  return process.env.RAMPART_EVTX_SAMPLES_DIR ?? path.resolve(REPO, '..', 'shared', 'data', 'evtx-attack-samples');
}
