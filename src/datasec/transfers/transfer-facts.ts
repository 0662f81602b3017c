// The facts a route decision needs about one transfer and the operator's other transfers. Dates are
// calendar dates in China (YYYY-MM-DD) or instants with their offset, turned into the China date they
// fall on; a wrong type, a negative count or facts that contradict each other are a bad argument
// naming the fact, never a silently wrong route.
import { z } from 'zod';
import { chinaDateOf, type CalendarDate } from '../../core/regulations/calendar-date.js';
import { rampartError } from '../../core/errors.js';
import { EXEMPTION_IDS, type ExemptionId } from './transfer-vocabulary.js';

const count = z.number().int('a number of individuals is a whole number').nonnegative();
const dateInput = z.string().min(1);

const earlierTransferSchema = z.strictObject({
  date: dateInput,
  /** Individuals whose non-sensitive personal information that transfer carried. */
  individuals: count,
  sensitiveIndividuals: count,
  /** False for a transfer exempted under an article whose volumes are not counted (see the rules). */
  countsTowardThresholds: z.boolean(),
});

const transferFactsSchema = z.strictObject({
  operatorIsCii: z.boolean(),
  transferDate: dateInput,
  containsPersonalInformation: z.boolean(),
  /** Notified or published as important data (Order 16 Art. 2): data never so notified is not. */
  importantData: z.boolean(),
  coreData: z.boolean(),
  /** Individuals whose non-sensitive personal information this transfer carries. */
  individuals: count,
  /** Individuals whose sensitive personal information this transfer carries. */
  sensitiveIndividuals: count,
  exemption: z.enum(EXEMPTION_IDS).optional(),
  earlier: z.array(earlierTransferSchema).default([]),
});

export type TransferFacts = z.input<typeof transferFactsSchema>;
export type EarlierTransfer = z.input<typeof earlierTransferSchema>;

export interface CheckedTransferFacts extends Omit<z.output<typeof transferFactsSchema>, 'transferDate' | 'earlier' | 'exemption'> {
  readonly transferDate: CalendarDate;
  readonly exemption?: ExemptionId;
  readonly earlier: readonly (Omit<z.output<typeof earlierTransferSchema>, 'date'> & { readonly date: CalendarDate })[];
}

export function parseTransferFacts(facts: unknown): CheckedTransferFacts {
  const result = transferFactsSchema.safeParse(facts);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const reason = issue.code === 'unrecognized_keys' ? 'not a fact the route decision knows' : issue.message;
    throw badFact(path.map(String).join('.'), reason);
  }
  const value = result.data;
  if (!value.containsPersonalInformation && value.individuals + value.sensitiveIndividuals > 0) {
    throw badFact(value.individuals > 0 ? 'individuals' : 'sensitiveIndividuals', 'individuals are given although containsPersonalInformation is false');
  }
  return {
    ...value,
    transferDate: chinaDateOf(value.transferDate, 'facts.transferDate'),
    earlier: value.earlier.map((transfer, index) => ({ ...transfer, date: chinaDateOf(transfer.date, `facts.earlier.${index}.date`) })),
  };
}

function badFact(path: string, reason: string) {
  return rampartError('RAMPART_E_BAD_ARGUMENT', { argument: `facts.${path}`, reason });
}
