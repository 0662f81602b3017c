// The sentence that shows an analyst why a criterion decided a level, with the citation beside the
// number: "people whose personal information leaked: 12,000,000 ≥ 10,000,000 people (Grading Guide
// 2025, verified)". Numbers are grouped the same way everywhere, whatever the process locale.

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatFactValue(value: number | string): string {
  return typeof value === 'number' ? numberFormat.format(value) : value;
}

export interface CriterionExplanationParts {
  readonly description: string;
  readonly value: number | string;
  readonly threshold: number | string;
  readonly inclusive: boolean;
  readonly unit: string;
  readonly citation: string;
  readonly confidence: string;
}

export function explainCriterion(parts: CriterionExplanationParts): string {
  const unit = parts.unit === 'seriousness' ? '' : ` ${parts.unit}`;
  const comparison = parts.inclusive ? '≥' : '>';
  return `${parts.description}: ${formatFactValue(parts.value)} ${comparison} ${formatFactValue(parts.threshold)}${unit} (${parts.citation}, ${parts.confidence})`;
}
