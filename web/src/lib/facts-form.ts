// The grading facts between the form (text in inputs, blank = not known) and the API (numbers, a
// yes/no, a step of the seriousness scale; a fact not known is left out, never sent as zero).

export type FactKind = 'number' | 'scale' | 'yes-no';

export interface FactInput {
  readonly name: string;
  readonly kind: FactKind;
}

/** The form's text for each fact. */
export function factsToForm(facts: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)]));
}

/** The facts to PUT, or the first problem: a number that is not one, or negative. */
export function formToFacts(inputs: readonly FactInput[], form: Readonly<Record<string, string>>): { facts: Record<string, number | string | boolean> } | { problem: string } {
  const facts: Record<string, number | string | boolean> = {};
  for (const input of inputs) {
    const text = (form[input.name] ?? '').trim();
    if (text === '') continue;
    if (input.kind === 'yes-no') facts[input.name] = text === 'yes';
    else if (input.kind === 'scale') facts[input.name] = text;
    else {
      const value = Number(text.replace(/[,\s_]/g, ''));
      if (!Number.isFinite(value) || value < 0) return { problem: `${input.name}: "${text}" is not a number of zero or more` };
      facts[input.name] = value;
    }
  }
  // The seriousness only means something when the data did leak.
  if (facts.coreOrImportantDataLeaked === false) delete facts.coreOrImportantDataLeakSeriousness;
  return { facts };
}
