// The schema of data/regulations/data-classification.yaml.
import { z } from 'zod';
import { citation, sourcesSchema, text } from '../../core/regulations/citation-schema.js';
import { AFFECTED_OBJECTS, DATA_LEVELS, HARM_DEGREES } from './classification-vocabulary.js';

const levelSchema = z.strictObject({ name: text, nameZh: text, ...citation });
const nameSchema = z.strictObject({ name: text, nameZh: text });
const level = z.enum(DATA_LEVELS);

const matrixRow = z.strictObject({ 'particularly-serious': level, serious: level, general: level });

const categorySchema = z
  .strictObject({
    name: text,
    personalInformation: z.boolean(),
    sensitive: z.boolean(),
    /** Why, in a sentence shown beside the answer. */
    because: text,
    ...citation,
  })
  .refine((category) => category.personalInformation || !category.sensitive, {
    message: 'only personal information can be sensitive personal information',
    path: ['sensitive'],
  });

const categoryId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'category ids are lower-case words joined by hyphens');

export const classificationFileSchema = z
  .strictObject({
    sources: sourcesSchema,
    levels: z.strictObject({ core: levelSchema, important: levelSchema, general: levelSchema }),
    objects: z.strictObject(Object.fromEntries(AFFECTED_OBJECTS.map((object) => [object, nameSchema])) as Record<(typeof AFFECTED_OBJECTS)[number], typeof nameSchema>),
    harms: z.strictObject(Object.fromEntries(HARM_DEGREES.map((harm) => [harm, nameSchema])) as Record<(typeof HARM_DEGREES)[number], typeof nameSchema>),
    matrix: z.strictObject({
      'national-security': matrixRow,
      'economy-public-interest': matrixRow,
      'individual-organisation-rights': matrixRow,
      ...citation,
    }),
    recognizedCategories: z.record(categoryId, categorySchema),
    declarableCategories: z.record(categoryId, categorySchema),
  })
  .superRefine((file, context) => {
    for (const id of Object.keys(file.declarableCategories)) {
      if (id in file.recognizedCategories) {
        context.addIssue({ code: 'custom', path: ['declarableCategories', id], message: 'is already a recognized category; one id, one entry' });
      }
    }
  });

export type ClassificationFile = z.output<typeof classificationFileSchema>;
export type CategoryData = ClassificationFile['recognizedCategories'][string];
