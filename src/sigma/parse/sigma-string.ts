// Sigma string values: `*` and `?` wildcards with the specification's backslash escaping.
// A backslash escapes only `*`, `?` and `\`; before anything else it is a plain backslash,
// so `C:\Windows` and `C:\\Windows` both mean one backslash, and `\\*` is a backslash then a wildcard.
import type { GlobToken } from './rule-types.js';

/** What makes a Sigma string more than one literal: a wildcard, or an escape of one (or of `\`). */
const SPECIAL = /[*?]|\\[*?\\]/;

export function tokenizeSigmaString(raw: string): GlobToken[] {
  // Most values are one literal; a native search says so faster than the loop below, which is much
  // of loading SigmaHQ's rules while V8 still interprets it.
  if (!SPECIAL.test(raw)) return raw === '' ? [] : [{ kind: 'text', text: raw }];
  const tokens: GlobToken[] = [];
  // Literal text is taken as slices of `raw`, not built a character at a time: V8 keeps a string
  // built by `+=` as a chain of pieces, which held a third of a parsed rule set's memory.
  let text = '';
  let runStart = 0;
  const flush = (end: number): void => {
    text += raw.slice(runStart, end);
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char === '\\') {
      const next = raw[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        text += raw.slice(runStart, i) + next;
        i++;
        runStart = i + 1;
      }
    } else if (char === '*') {
      flush(i);
      runStart = i + 1;
      if (tokens.length === 0 || tokens[tokens.length - 1].kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') {
      flush(i);
      runStart = i + 1;
      tokens.push({ kind: 'one' });
    }
  }
  flush(raw.length);
  return tokens;
}

/** The literal text of tokens that hold no wildcard, or undefined when a wildcard is present. */
export function plainText(tokens: readonly GlobToken[]): string | undefined {
  let text = '';
  for (const token of tokens) {
    if (token.kind !== 'text') return undefined;
    text += token.text;
  }
  return text;
}

/** Adds a leading and/or trailing `*` unless one is already there. */
export function surroundWithStars(tokens: readonly GlobToken[], leading: boolean, trailing: boolean): GlobToken[] {
  const result = [...tokens];
  if (leading && result[0]?.kind !== 'star') result.unshift({ kind: 'star' });
  if (trailing && result[result.length - 1]?.kind !== 'star') result.push({ kind: 'star' });
  return result;
}

/** Renders tokens back to Sigma notation (escaping literal wildcards), for messages and docs. */
export function renderSigmaString(tokens: readonly GlobToken[]): string {
  return tokens
    .map((token) => (token.kind === 'star' ? '*' : token.kind === 'one' ? '?' : token.text.replace(/[*?\\]/g, '\\$&')))
    .join('');
}
