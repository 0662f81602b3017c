// Entry point for the cross-border transfer law as data: data/regulations/cross-border-transfers.yaml
// (or the file given), validated and frozen. A problem stops loading with RAMPART_E_REGULATION_INVALID
// naming the file, line and key: a route decided from half a rule set would look right and be wrong.
import { join } from 'node:path';
import { loadRegulationFile, type LoadedRegulation } from '../../core/regulations/load-regulation-file.js';
import { defaultRegulationsDirectory } from '../../core/regulations/regulations-directory.js';
import { transferRulesFileSchema, type TransferRulesFile } from './transfer-rules-schema.js';

export type TransferRules = LoadedRegulation<TransferRulesFile>;

export function loadTransferRules(file = join(defaultRegulationsDirectory(), 'cross-border-transfers.yaml')): TransferRules {
  return loadRegulationFile(transferRulesFileSchema, file, 'docs/data-governance.md');
}
