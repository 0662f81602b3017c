// One pass over a text noting what the recognizers' patterns need (digit runs, @, colons, capitals,
// non-ASCII): each recognizer's `mayMatch` reads it to skip a text it cannot match.

/** What one pass over the text tells about it, enough to know which recognizers cannot match. */
export interface TextShape {
  /** The longest run of consecutive ASCII digits. */
  longestDigitRun: number;
  at: boolean;
  /** Colons, and whether two stand together: an IPv6 address has seven (six before an embedded IPv4), or a `::`. */
  colons: number;
  doubleColon: boolean;
  plus: boolean;
  dot: boolean;
  upper: boolean;
  nonAscii: boolean;
}

export function textShape(text: string): TextShape {
  const shape: TextShape = { longestDigitRun: 0, at: false, colons: 0, doubleColon: false, plus: false, dot: false, upper: false, nonAscii: false };
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      run++;
      if (run > shape.longestDigitRun) shape.longestDigitRun = run;
      continue;
    }
    run = 0;
    if (code >= 65 && code <= 90) shape.upper = true;
    else if (code === 64) shape.at = true;
    else if (code === 58) {
      shape.colons++;
      if (i > 0 && text.charCodeAt(i - 1) === 58) shape.doubleColon = true;
    }
    else if (code === 43) shape.plus = true;
    else if (code === 46) shape.dot = true;
    else if (code > 127) shape.nonAscii = true;
  }
  return shape;
}
