// `|expand` placeholders (`%Name%`), resolved from the user's placeholder config.
// An undefined placeholder rejects its rule, as the specification requires of tools that cannot handle it.
import { RuleProblem } from './rule-problem.js';

/** Placeholder name (without the percent signs) → the Sigma string values it stands for. */
export type PlaceholderValues = Readonly<Record<string, readonly string[]>>;

const PLACEHOLDER_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Replaces every `%name%` in a Sigma string by each of its values (the cartesian product when a
 * string holds several). `\%` keeps a literal percent sign.
 */
export function expandPlaceholders(raw: string, placeholders: PlaceholderValues): string[] {
  let results = [''];
  let literal = '';
  const appendLiteral = (): void => {
    if (literal !== '') results = results.map((prefix) => prefix + literal);
    literal = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '\\' && raw[i + 1] === '%') {
      literal += '%';
      i++;
      continue;
    }
    if (char === '%') {
      const end = raw.indexOf('%', i + 1);
      const name = end > i ? raw.slice(i + 1, end) : '';
      if (PLACEHOLDER_NAME.test(name)) {
        const values = Object.hasOwn(placeholders, name) ? placeholders[name] : undefined;
        if (values === undefined) {
          throw new RuleProblem(
            'SIGMA_PLACEHOLDER_UNDEFINED',
            `placeholder %${name}% is not defined (define it in a placeholder file given with --placeholders)`,
          );
        }
        appendLiteral();
        results = results.flatMap((prefix) => values.map((value) => prefix + value));
        i = end;
        continue;
      }
    }
    literal += char;
  }
  appendLiteral();
  return results;
}
