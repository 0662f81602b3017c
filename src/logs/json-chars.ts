// Character codes and classes the JSON scanner works with; charCodeAt comparisons, no strings.

export const LINE_FEED = 10;
export const TAB = 9;
export const SPACE = 32;
export const QUOTE = 34;
export const COMMA = 44;
export const COLON = 58;
export const OPEN_BRACKET = 91;
export const BACKSLASH = 92;
export const CLOSE_BRACKET = 93;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;

/** Numbers, `true`, `false`, `null`, and words that are meant to be one of them. */
export function startsBareValue(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 46;
}

/** Ends a bare value inside an array. */
export function isDelimiter(c: number): boolean {
  return (
    c <= SPACE ||
    c === COMMA ||
    c === CLOSE_BRACKET ||
    c === CLOSE_BRACE ||
    c === OPEN_BRACKET ||
    c === OPEN_BRACE ||
    c === QUOTE
  );
}
