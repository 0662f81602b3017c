// The steps of a decision, each with the article it rests on and how sure Rampart's record of it is
// (verified in the primary text, from a secondary source, unverified).
import type { ReasoningStep } from '../../api/types.js';

export function citationOf(step: ReasoningStep): string | undefined {
  const article = step.article ?? [step.source?.short, step.source?.article].filter(Boolean).join(' ');
  if (!article) return undefined;
  return step.confidence ? `${article}; ${step.confidence}` : article;
}

export function ReasoningList({ steps }: { readonly steps: readonly ReasoningStep[] }) {
  return (
    <ol className="reasoning">
      {steps.map((step, index) => {
        const citation = citationOf(step);
        return (
          <li key={index}>
            {step.text}
            {citation && <span className="citation"> — {citation}</span>}
          </li>
        );
      })}
    </ol>
  );
}
