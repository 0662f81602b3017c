// One spelling of a logsource for lookups and one for people. Sigma values are lowercase by convention,
// but a hand-written rule may say `Windows`; folding here keeps the resolver's Map exact.
import type { Logsource } from '../parse/rule-types.js';

/** Lowercased `product|category|service`, absent parts empty. */
export function logsourceKey(logsource: Logsource): string {
  return `${fold(logsource.product)}|${fold(logsource.category)}|${fold(logsource.service)}`;
}

/** `windows/process_creation`, `aws/cloudtrail`, `antivirus`: for selector names and messages. */
export function describeLogsource(logsource: Logsource): string {
  const parts = [logsource.product, logsource.category, logsource.service].filter((part) => part);
  return parts.length > 0 ? parts.join('/') : '(empty logsource)';
}

function fold(part: string | undefined): string {
  return part === undefined ? '' : part.trim().toLowerCase();
}
