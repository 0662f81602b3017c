// Whether a data asset holds sensitive personal information (PIPL Art. 28), from the categories found
// in it by the recognizers or declared by a person. One sensitive category makes the asset sensitive,
// which changes its cross-border route (Order 16 Arts. 7–8 count sensitive individuals apart).
import { rampartError } from '../../core/errors.js';
import type { CategoryData } from './classification-schema.js';
import type { ClassificationRules } from './load-classification-rules.js';
import type { ReasoningStep } from './reasoning-step.js';

export interface Sensitivity {
  readonly sensitive: boolean;
  /** The sensitive categories, in the order given, each once. */
  readonly sensitiveCategories: readonly string[];
  /** Whether any category is personal information at all (a USCC alone is not). */
  readonly personalInformation: boolean;
  /** One step per distinct category, in the order given. */
  readonly reasoning: readonly (ReasoningStep & { readonly category: string })[];
}

export function sensitivityOf(categories: readonly string[], rules: ClassificationRules): Sensitivity {
  const seen = new Set<string>();
  const reasoning: (ReasoningStep & { category: string })[] = [];
  const sensitiveCategories: string[] = [];
  let personalInformation = false;
  categories.forEach((category, index) => {
    if (seen.has(category)) return;
    seen.add(category);
    const data = categoryData(category, rules, index);
    personalInformation ||= data.personalInformation;
    if (data.sensitive) sensitiveCategories.push(category);
    const verdict = data.sensitive ? 'sensitive personal information' : data.personalInformation ? 'personal information, not sensitive' : 'not personal information';
    reasoning.push({ category, text: `${data.name}: ${verdict} (${data.because})`, source: data.source, confidence: data.confidence });
  });
  return { sensitive: sensitiveCategories.length > 0, sensitiveCategories, personalInformation, reasoning };
}

function categoryData(category: string, rules: ClassificationRules, index: number): CategoryData {
  const found = Object.hasOwn(rules.recognizedCategories, category)
    ? rules.recognizedCategories[category]
    : Object.hasOwn(rules.declarableCategories, category)
      ? rules.declarableCategories[category]
      : undefined;
  if (found === undefined) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', {
      argument: `categories[${index}]`,
      reason: `unknown personal-information category ${JSON.stringify(category)}; known: the recognizers' ids and ${Object.keys(rules.declarableCategories).join(', ')}`,
    });
  }
  return found as CategoryData;
}
