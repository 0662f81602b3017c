// The facts an analyst enters about an incident, all optional: a fact not given is unknown, not zero,
// and grading says which ones were missing instead of assuming the incident was small.
import { z } from 'zod';
import { rampartError } from '../../core/errors.js';
import { SERIOUSNESS_FACT, type FactName } from '../regulations/vocabulary.js';

const amount = z.number().finite().nonnegative();
const share = amount.max(100, 'a share is a percentage, at most 100');

export const incidentFactsSchema = z.strictObject({
  ciiFullyDownHours: amount.optional(),
  ciiMainFunctionsDownHours: amount.optional(),
  portalUnreachableHours: amount.optional(),
  provincePopulationSharePercent: share.optional(),
  cityPopulationSharePercent: share.optional(),
  peopleLosingEssentialServices: amount.optional(),
  personalInformationPeopleLeaked: amount.optional(),
  /** Whether core or important data leaked at all; false settles the criterion without a seriousness. */
  coreOrImportantDataLeaked: z.boolean().optional(),
  /** How serious a threat the leak causes: a step of the criterion's scale in incident-grading.yaml. */
  coreOrImportantDataLeakSeriousness: z.string().min(1).optional(),
  directEconomicLossYuan: amount.optional(),
});

export type IncidentFacts = z.input<typeof incidentFactsSchema>;

/** A fact name as the analyst sees it: the criteria's facts plus the yes/no question before the seriousness. */
export type EnteredFactName = FactName | 'coreOrImportantDataLeaked';

/** Validated facts; a wrong type, a negative amount or an unknown fact is a bad argument naming the fact. */
export function parseIncidentFacts(facts: unknown): IncidentFacts {
  const result = incidentFactsSchema.safeParse(facts ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.join('.');
  const reason = issue.code === 'unrecognized_keys' ? 'not a fact grading knows' : issue.message;
  throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: `facts.${name}`, reason });
}

export type FactReading =
  | { readonly given: true; readonly value: number | string }
  /** Not known: grading cannot tell whether the criterion is met. */
  | { readonly given: false; readonly missing: EnteredFactName }
  /** Known not to apply (data that did not leak): the criterion is not met, and nothing is missing. */
  | { readonly given: true; readonly value: undefined };

export function readFact(facts: IncidentFacts, fact: FactName): FactReading {
  if (fact !== SERIOUSNESS_FACT) {
    const value = facts[fact];
    return value === undefined ? { given: false, missing: fact } : { given: true, value };
  }
  const seriousness = facts.coreOrImportantDataLeakSeriousness;
  if (facts.coreOrImportantDataLeaked === false) {
    if (seriousness !== undefined) {
      throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument: `facts.${SERIOUSNESS_FACT}`, reason: 'given although coreOrImportantDataLeaked is false' });
    }
    return { given: true, value: undefined };
  }
  if (seriousness !== undefined) return { given: true, value: seriousness };
  return { given: false, missing: facts.coreOrImportantDataLeaked === true ? SERIOUSNESS_FACT : 'coreOrImportantDataLeaked' };
}
