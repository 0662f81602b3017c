// The schema of data/regulations/cross-border-transfers.yaml.
import { z } from 'zod';
import { citation, sourcesSchema, text } from '../../core/regulations/citation-schema.js';
import { EXEMPTION_IDS, THRESHOLD_IDS, TRANSFER_ROUTES, VOLUME_KINDS, routeRank } from './transfer-vocabulary.js';

const route = z.enum(TRANSFER_ROUTES);
const routeNameSchema = z.strictObject({ name: text, nameZh: text });
const citedText = z.strictObject({ text, ...citation });

const thresholdSchema = z.strictObject({
  counts: z.enum(VOLUME_KINDS),
  /** Reached when the cumulative volume is at least this many individuals. */
  atLeast: z.number().int().positive(),
  route: route.exclude(['exempt']),
  ...citation,
  note: text.optional(),
});

/** A fact an exemption needs, with the source that says so. */
const requiredFact = z.strictObject({ value: z.boolean(), ...citation });

const exemptionSchema = z.strictObject({
  name: text,
  ...citation,
  requires: z
    .strictObject({
      personalInformation: requiredFact.optional(),
      importantData: requiredFact.optional(),
      sensitivePersonalInformation: requiredFact.optional(),
      ciiOperator: requiredFact.optional(),
      /** The cumulative volume must stay below this threshold, this transfer included. */
      cumulativeBelow: z.strictObject({ value: z.enum(THRESHOLD_IDS), ...citation }).optional(),
    })
    .default({}),
  countsTowardThresholds: z.strictObject({ value: z.boolean(), ...citation }),
});

const routeRule = z.strictObject({ text, route: route.exclude(['exempt']), ...citation, also: z.array(citedText).optional() });

export const transferRulesFileSchema = z
  .strictObject({
    sources: sourcesSchema,
    countingPeriod: z.strictObject({ startsOn: z.literal('january-1'), utcOffsetHours: z.literal(8), ...citation }),
    routes: z.strictObject({ exempt: routeNameSchema, 'standard-contract-or-certification': routeNameSchema, 'security-assessment': routeNameSchema }),
    thresholds: z.strictObject(Object.fromEntries(THRESHOLD_IDS.map((id) => [id, thresholdSchema])) as Record<(typeof THRESHOLD_IDS)[number], typeof thresholdSchema>),
    warningShare: z.strictObject({
      value: z.number().gt(0, 'a share above 0').lt(1, 'a share below 1: warn before the threshold, not at it'),
      setBy: z.literal('rampart'),
      note: text,
    }),
    rules: z.strictObject({
      precedence: citedText,
      ciiOperator: routeRule,
      importantData: routeRule,
      cumulativeScope: citedText,
      notNotifiedImportant: citedText,
      coreData: routeRule.extend({ warning: text }),
    }),
    exemptions: z.strictObject(Object.fromEntries(EXEMPTION_IDS.map((id) => [id, exemptionSchema])) as Record<(typeof EXEMPTION_IDS)[number], typeof exemptionSchema>),
    obligations: z.strictObject({
      assessmentValidity: z.strictObject({ years: z.number().int().positive(), text, ...citation }),
      assessmentRenewal: z.strictObject({ workingDaysBeforeExpiry: z.number().int().positive(), text, ...citation }),
      standardContractFiling: z.strictObject({ workingDaysAfterEffect: z.number().int().positive(), text, ...citation }),
      pipiaRetention: z.strictObject({ years: z.number().int().positive(), text, ...citation }),
    }),
  })
  .superRefine((file, context) => {
    // For each volume, a higher route must need at least as many individuals: catches a threshold
    // typed into the wrong record.
    for (const kind of VOLUME_KINDS) {
      const ordered = THRESHOLD_IDS.filter((id) => file.thresholds[id].counts === kind).sort((a, b) => routeRank(file.thresholds[a].route) - routeRank(file.thresholds[b].route));
      for (let index = 1; index < ordered.length; index++) {
        if (file.thresholds[ordered[index]].atLeast < file.thresholds[ordered[index - 1]].atLeast) {
          context.addIssue({
            code: 'custom',
            path: ['thresholds', ordered[index], 'atLeast'],
            message: `is below ${ordered[index - 1]} (${file.thresholds[ordered[index - 1]].atLeast}); a stricter route needs at least as many individuals`,
          });
        }
      }
    }
  });

export type TransferRulesFile = z.output<typeof transferRulesFileSchema>;
export type ThresholdData = TransferRulesFile['thresholds'][keyof TransferRulesFile['thresholds']];
export type ExemptionData = TransferRulesFile['exemptions'][keyof TransferRulesFile['exemptions']];
