// IPv6 addresses (RFC 4291 text forms, RFC 5952 compression): up to eight groups of 1–4 hex digits,
// at most one `::`, optionally ending in a dotted IPv4 address. Times (12:30:45) and MAC addresses
// (six groups, no `::`) have the look but not the group count, and are rejected by it.

import { NO_STARTS, anchoredPattern, makeFinding, matchesAt, type Finding, type MatchStarts, type Recognizer } from './recognizer.js';
import { isAsciiAlphanumeric, textShape } from './text-shape.js';

const PATTERN = /(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3}|[0-9A-Fa-f]{0,4})(?![0-9A-Za-z:])(?!\.[0-9])/g;

/**
 * An address begins with at most four hex digits then a colon, and nothing of [0-9A-Za-z:.] before it:
 * so, for each colon, at the start of the word of 0–4 hex digits just before it. (The global search
 * tried every offset of a line, and each hex letter of its words, at length.)
 */
const starts: MatchStarts = (text) => {
  let found: number[] | undefined;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let start = colon;
    while (start > 0 && colon - start < 5 && isAsciiAlphanumeric(text.charCodeAt(start - 1))) start--;
    if (colon - start > 4 || !isHex(text, start, colon)) continue;
    const before = text.charCodeAt(start - 1);
    if (before === 58 || before === 46 || isAsciiAlphanumeric(before)) continue;
    (found ??= []).push(start);
  }
  return found ?? NO_STARTS;
};

function isHex(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) return false;
  }
  return true;
}

/**
 * The number of 16-bit groups an address spells, or undefined when it is not a valid IPv6 text form:
 * groups of 1–4 hex digits joined by colons, at most one `::` (then seven groups at most, else eight),
 * an embedded IPv4 address counting as the last two. Read by character code (splitting the text and
 * testing each group with a pattern was a tenth of a scan of identifier-dense lines).
 */
export function ipv6GroupCount(text: string): number | undefined {
  let body = text;
  // An embedded IPv4 address, after the last colon (or the whole text), stands for the last two groups.
  const tailStart = text.lastIndexOf(':') + 1;
  const octets = dottedQuadOctets(text, tailStart);
  if (octets === INVALID_OCTET) return undefined;
  if (octets === DOTTED_QUAD) body = `${text.slice(0, tailStart)}0:0`;
  let halves = 1;
  let groups = 0;
  let groupLength = 0;
  let halfEmpty = true;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === 58) {
      const double = body.charCodeAt(i + 1) === 58;
      // A group ends here; it may be empty only as the whole of an empty half (before or after `::`).
      if (double ? !halfEmpty && groupLength === 0 : groupLength === 0) return undefined;
      if (groupLength > 0) groups++;
      groupLength = 0;
      if (double) {
        if (++halves > 2) return undefined;
        halfEmpty = true;
        i++;
      } else halfEmpty = false;
      continue;
    }
    if (!isHexCode(code) || ++groupLength > 4) return undefined;
    halfEmpty = false;
  }
  if (!halfEmpty && groupLength === 0) return undefined;
  if (groupLength > 0) groups++;
  if (halves === 2) return groups <= 7 ? groups : undefined;
  return groups === 8 ? groups : undefined;
}

const NOT_DOTTED_QUAD = 0;
const DOTTED_QUAD = 1;
const INVALID_OCTET = 2;

/** Whether `text` from `from` to its end is four dot-joined runs of 1–3 digits, and whether each is at most 255. */
function dottedQuadOctets(text: string, from: number): number {
  let octets = 0;
  let value = 0;
  let digits = 0;
  let valid = true;
  for (let i = from; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 46;
    if (code >= 48 && code <= 57) {
      if (++digits > 3) return NOT_DOTTED_QUAD;
      value = value * 10 + code - 48;
    } else if (code === 46 && digits > 0) {
      if (value > 255) valid = false;
      octets++;
      value = 0;
      digits = 0;
    } else return NOT_DOTTED_QUAD;
  }
  if (octets !== 4) return NOT_DOTTED_QUAD;
  return valid ? DOTTED_QUAD : INVALID_OCTET;
}

const isHexCode = (code: number): boolean => (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 102);

const ANCHORED = anchoredPattern(PATTERN, starts);

export const ipv6Recognizer: Recognizer = {
  id: 'ipv6',
  category: 'ipv6',
  description: 'IPv6 address: 8 hex groups or fewer with one ::, optional embedded IPv4',
  // Cannot match without six colons (seven, or six before an embedded IPv4) or a ::.
  mayMatch: (shape) => shape.doubleColon || shape.colons >= 6,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const count = ipv6GroupCount(match[0]);
      if (count === undefined) continue;
      // "::1" or "a::b" are valid but short enough to appear by chance (C++ scopes, ratios).
      const reason = count >= 3 || match[0].length >= 8
        ? { change: 0.75, why: `valid IPv6 text form (${count} groups written)` }
        : { change: 0.5, why: `short compressed IPv6 form (${count} groups written)` };
      findings.push(makeFinding('ipv6', match.index, match[0], [reason]));
    }
    return findings;
  },
};
