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

/** The number of 16-bit groups an address spells, or undefined when it is not a valid IPv6 text form. */
export function ipv6GroupCount(text: string): number | undefined {
  let body = text;
  const ipv4 = /(?:^|:)((?:[0-9]{1,3}\.){3}[0-9]{1,3})$/.exec(body);
  if (ipv4) {
    if (ipv4[1].split('.').some((octet) => Number(octet) > 255)) return undefined;
    // An embedded IPv4 address stands for the last two groups.
    body = `${body.slice(0, body.length - ipv4[1].length)}0:0`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (groups.some((group) => !/^[0-9A-Fa-f]{1,4}$/.test(group))) return undefined;
  if (halves.length === 2) return groups.length <= 7 ? groups.length : undefined;
  return groups.length === 8 ? groups.length : undefined;
}

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
