// The operator's volumes "since 1 January of the current year" (Order 16 Arts. 5(4), 7, 8): the
// transfers in the same calendar year in China as this one, up to and including its date, that count
// toward the thresholds. A transfer on 1 January therefore starts from zero, and one on 31 December
// counts the whole year.
import { yearOf, type CalendarDate } from '../../core/regulations/calendar-date.js';
import type { CheckedTransferFacts } from './transfer-facts.js';

export interface Volumes {
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
}

export interface CumulativeVolumes extends Volumes {
  /** 1 January of the transfer's year, YYYY-01-01. */
  readonly since: CalendarDate;
}

/** The earlier transfers that count in the transfer's counting period. */
export function countedEarlierTransfers(facts: CheckedTransferFacts): CheckedTransferFacts['earlier'] {
  const year = yearOf(facts.transferDate);
  return facts.earlier.filter((transfer) => transfer.countsTowardThresholds && yearOf(transfer.date) === year && transfer.date <= facts.transferDate);
}

/** The earlier transfers' volumes that count in the transfer's counting period. */
export function earlierVolumes(facts: CheckedTransferFacts): CumulativeVolumes {
  let individuals = 0;
  let sensitiveIndividuals = 0;
  for (const transfer of countedEarlierTransfers(facts)) {
    individuals += transfer.individuals;
    sensitiveIndividuals += transfer.sensitiveIndividuals;
  }
  return { since: `${facts.transferDate.slice(0, 4)}-01-01`, individuals, sensitiveIndividuals };
}

export function plusTransfer(volumes: CumulativeVolumes, facts: Volumes): CumulativeVolumes {
  return {
    since: volumes.since,
    individuals: volumes.individuals + facts.individuals,
    sensitiveIndividuals: volumes.sensitiveIndividuals + facts.sensitiveIndividuals,
  };
}
