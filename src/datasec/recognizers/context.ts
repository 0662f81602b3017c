// Context words: the words written just before an identifier say what it is. They are data, in one
// place: per category, words that raise a finding's score and words that lower it, in Chinese and
// English. A word counts when it ends within CONTEXT_WINDOW characters before the finding.

import { MOST_CONTEXT_RAISES, clampScore, sumOfChanges, type Category, type Finding } from './recognizer.js';
import { codeUnitsOf } from './text-shape.js';

export interface ContextWords {
  raise: readonly string[];
  lower?: readonly string[];
}

export const CONTEXT_WINDOW = 30;
export const CONTEXT_RAISE = MOST_CONTEXT_RAISES;
export const CONTEXT_LOWER = -0.3;

/** Looked up case-insensitively; ASCII words must stand alone (`ID` is not found in `valid`). */
export const CONTEXT_WORDS: Readonly<Record<Category, ContextWords>> = {
  'cn-resident-id': {
    raise: ['身份证', '身份证号', '公民身份号码', '身份号码', '证件号', '证件号码', 'ID', 'ID card', 'ID number', 'identity', 'resident ID'],
  },
  'cn-residence-permit': {
    raise: ['居住证', '港澳台居民居住证', '证件号', '证件号码', '身份证', 'residence permit', 'permit', 'ID'],
  },
  'cn-uscc': {
    raise: ['统一社会信用代码', '社会信用代码', '信用代码', '营业执照', '纳税人识别号', 'USCC', 'credit code', 'business licence', 'business license'],
  },
  'cn-mobile': {
    raise: ['手机', '手机号', '手机号码', '电话', '联系电话', '联系方式', '联系人', 'phone', 'mobile', 'tel', 'cell', 'contact'],
    lower: ['订单号', '单号', 'order', 'QQ号'],
  },
  'bank-card': {
    raise: ['银行卡', '银行卡号', '卡号', '账号', '银行账号', '银行账户', '借记卡', '储蓄卡', '开户行', 'bank', 'card', 'account', 'debit'],
    lower: ['订单号', '单号', '流水号', '交易号', 'order', 'tracking', 'transaction', 'serial'],
  },
  'credit-card': {
    raise: ['信用卡', '卡号', 'credit card', 'card', 'Visa', 'Mastercard', 'Amex', 'American Express', 'JCB', 'Discover', 'Diners'],
    lower: ['订单号', '单号', '流水号', 'order', 'tracking', 'transaction', 'serial'],
  },
  'cn-passport': {
    raise: ['护照', '护照号', '护照号码', '证件号', 'passport', 'passport no'],
  },
  'cn-travel-permit': {
    raise: ['通行证', '回乡证', '港澳通行证', '往来港澳通行证', '来往内地通行证', '证件号', 'permit', 'travel permit', 'home return'],
  },
  'cn-vehicle-plate': {
    raise: ['车牌', '车牌号', '号牌', '车辆', '车主', 'plate', 'licence plate', 'license plate', 'vehicle'],
  },
  email: {
    raise: ['邮箱', '电子邮件', '电子邮箱', '邮件', 'email', 'e-mail', 'mail'],
  },
  ipv4: {
    raise: ['IP', 'IP地址', '地址', '来源', 'address', 'host', 'src', 'dst', 'client', 'remote', 'from'],
    lower: ['version', 'ver', '版本', 'build', 'release'],
  },
  ipv6: {
    raise: ['IP', 'IPv6', 'IP地址', '地址', 'address', 'host', 'src', 'dst', 'client', 'remote'],
  },
  iban: {
    raise: ['IBAN', '账号', '账户', '银行账户', 'account', 'bank'],
  },
  'e164-phone': {
    raise: ['电话', '手机', '联系方式', 'phone', 'tel', 'mobile', 'cell', 'fax', 'contact', 'WhatsApp'],
  },
};

interface PreparedWord {
  /** Lower-cased. */
  word: string;
  /** `word`'s code units. */
  units: readonly number[];
  ascii: boolean;
  /** Its characters' bits (see `characterBit`): a window without one of them cannot hold the word. */
  characters: number;
}

const prepare = (words: readonly string[] = []): PreparedWord[] =>
  words.map((written) => {
    const word = written.toLowerCase();
    const units = Array.from({ length: word.length }, (_, i) => word.charCodeAt(i));
    return { word, units, ascii: /^[\x20-\x7e]+$/.test(written), characters: units.reduce((bits, unit) => bits | characterBit(unit), 0) };
  });

/**
 * One pattern of every word of a category (raise and lower), matched case-insensitively (Unicode case
 * folding) against the window as written, before the words are looked up one by one: three findings in
 * four have none of them before. Every character that lower-cases to a word's character folds to it too
 * (a test checks all of U+0000–U+FFFF), so a word the lookup finds is always found by this; the one
 * character that lower-cases to two (U+0130, İ) is let through to the lookup.
 */
export const anyWordOf = (words: readonly string[]): RegExp =>
  new RegExp([...words.map((word) => word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), '\u0130'].join('|'), 'iu');

/**
 * A character's bit, one of 32 by its code's low five bits: a window's characters as bits say which
 * words it cannot hold (one whose bits are not all among the window's), so that most of a category's
 * dozen or twenty words are passed over without being looked for.
 */
function characterBit(code: number): number {
  return 1 << (code & 31);
}

/**
 * A code unit as `toLowerCase` writes it where lower-casing maps one code unit to one, whatever its
 * neighbours: ASCII (capitals to small letters), CJK punctuation, kana and ideographs (U+3000–U+9FFF)
 * and the full-width forms other than capitals (U+FF00–U+FF20, U+FF3B–U+FFFF), which it leaves as they
 * are. -1 for any other: it may lower-case to another character, or to two (İ), or as its neighbours
 * say (a final sigma). A test checks this against `toLowerCase` for every code unit.
 */
export function lowerCaseInPlace(code: number): number {
  if (code < 0x80) return code >= 65 && code <= 90 ? code + 32 : code;
  if ((code >= 0x3000 && code <= 0x9fff) || (code >= 0xff00 && code <= 0xff20) || code >= 0xff3b) return code;
  return -1;
}

/** What `lowerCaseWindow` says of a window with a character `lowerCaseInPlace` does not know. */
const CASE_UNKNOWN = -1;

/** What `lowerCaseWindow` says of a window that holds none of the words: no word's first two characters are there. */
const NO_WORD = 0;

/** The window's code units lower-cased, from 0 (a window is CONTEXT_WINDOW code units at most). */
const LOWERED = new Uint16Array(CONTEXT_WINDOW);

/**
 * Writes `codes[from..to)` lower-cased into LOWERED and returns its characters' bits (see
 * `characterBit`); NO_WORD when no two neighbouring characters are the first two of a word of `pairs`
 * (see `firstPairs`), as in more than half of them; CASE_UNKNOWN (and LOWERED is not to be read) when a
 * character is not known to `lowerCaseInPlace`. No window has every bit (32 distinct low five bits from 30
 * characters cannot be) or none but an empty one, which holds no word: -1 and 0 are free.
 */
function lowerCaseWindow(codes: Uint16Array, from: number, to: number, pairs: Uint8Array): number {
  let bits = 0;
  let paired = 0;
  let previous = 0;
  for (let i = from; i < to; i++) {
    const code = lowerCaseInPlace(codes[i]);
    if (code < 0) return CASE_UNKNOWN;
    LOWERED[i - from] = code;
    bits |= characterBit(code);
    const slot = pairSlot(previous, code);
    paired |= pairs[slot >> 3] & (1 << (slot & 7));
    previous = code;
  }
  return paired === 0 ? NO_WORD : bits;
}

/** Slots of a table of first pairs: a window of unrelated pairs seldom hits one. */
const PAIR_SLOTS = 4096;

/** Where the pair of code units `first`, `second` sits in a table of first pairs. */
const pairSlot = (first: number, second: number): number => ((first << 7) ^ second) & (PAIR_SLOTS - 1);

/**
 * Every word's first two code units (lower-cased; every context word has two or more, a test checks it)
 * as bits of a table. A window's first character is paired with 0, no word's first character: at worst
 * a pair that shares a slot with a word's, which only sends the window on to the lookup.
 */
function firstPairs(words: readonly PreparedWord[]): Uint8Array {
  const table = new Uint8Array(PAIR_SLOTS / 8);
  for (const { units } of words) {
    const slot = pairSlot(units[0], units[1]);
    table[slot >> 3] |= 1 << (slot & 7);
  }
  return table;
}

/** A lower-case ASCII letter or a digit (the window is lower-cased); false past either end (NaN, -1). */
const isAsciiWordChar = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 97 && code <= 122);

/**
 * The first of `words` found in LOWERED's first `length` code units (see `lowerCaseWindow`), standing
 * alone if it is ASCII: no ASCII letter or digit beside it within the window. `characters` is the
 * window's, to pass over the words it cannot hold without looking for them.
 */
function firstWordInLowered(length: number, characters: number, words: readonly PreparedWord[]): string | undefined {
  for (const { word, units, ascii, characters: needed } of words) {
    if ((needed & ~characters) !== 0) continue;
    const first = units[0];
    for (let at = 0; at + units.length <= length; at++) {
      if (LOWERED[at] !== first) continue;
      let matched = 1;
      while (matched < units.length && LOWERED[at + matched] === units[matched]) matched++;
      if (matched < units.length) continue;
      if (!ascii) return word;
      const before = at > 0 ? LOWERED[at - 1] : -1;
      const after = at + units.length < length ? LOWERED[at + units.length] : -1;
      if (!isAsciiWordChar(before) && !isAsciiWordChar(after)) return word;
    }
  }
  return undefined;
}

/** The first of `words` found in `window` (already lower-cased), standing alone if it is ASCII. */
function firstWordIn(window: string, words: readonly PreparedWord[]): string | undefined {
  for (const { word, ascii } of words) {
    for (let at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
      if (!ascii || (!isAsciiWordChar(window.charCodeAt(at - 1)) && !isAsciiWordChar(window.charCodeAt(at + word.length)))) return word;
    }
  }
  return undefined;
}

// Made after the helpers above, which it calls while the module loads.
const PREPARED = new Map(
  Object.entries(CONTEXT_WORDS).map(([category, words]) => {
    const raise = prepare(words.raise);
    const lower = prepare(words.lower);
    return [category, { raise, lower, any: anyWordOf([...words.raise, ...(words.lower ?? [])]), pairs: firstPairs([...raise, ...lower]) }];
  }),
);

/**
 * The finding with its score moved by the context words before it in `text`.
 *
 * The window is read where it is, in the code units `recognize` copied for the text's shape, lower-cased
 * as it is read: most windows hold no word of the category, and the pairs of the words' first two
 * characters turn away more than half of them in that one pass (3,808 of the corpus's 7,027); the words
 * of the rest are looked for there. Sliced out, tested against a pattern of every word with Unicode case
 * folding, lower-cased and searched with an `indexOf` for each word, as a window with a character
 * lower-casing may change otherwise still is, a window cost about a fifth more.
 */
export function applyContext(text: string, finding: Finding): Finding {
  const words = PREPARED.get(finding.category);
  if (words === undefined || finding.start === 0) return finding;
  const from = Math.max(0, finding.start - CONTEXT_WINDOW);
  const codes = codeUnitsOf(text);
  const characters = lowerCaseWindow(codes, from, finding.start, words.pairs);
  if (characters === NO_WORD) return finding;
  let raisedBy: string | undefined;
  let loweredBy: string | undefined;
  if (characters === CASE_UNKNOWN) {
    // A character lower-casing may change otherwise than in place: the window is sliced out and looked
    // up as before, the pattern of the words first.
    const raw = text.slice(from, finding.start);
    if (!words.any.test(raw)) return finding;
    const window = raw.toLowerCase();
    raisedBy = firstWordIn(window, words.raise);
    loweredBy = firstWordIn(window, words.lower);
  } else {
    raisedBy = firstWordInLowered(finding.start - from, characters, words.raise);
    loweredBy = firstWordInLowered(finding.start - from, characters, words.lower);
  }
  // Most findings have no context word: they are returned as they are, nothing copied.
  if (raisedBy === undefined && loweredBy === undefined) return finding;
  const reasons = [...finding.reasons];
  if (raisedBy !== undefined) reasons.push({ change: CONTEXT_RAISE, why: `context word "${raisedBy}" before it` });
  if (loweredBy !== undefined) reasons.push({ change: CONTEXT_LOWER, why: `context word "${loweredBy}" before it` });
  const score = clampScore(sumOfChanges(reasons));
  // Written out rather than spread: a spread copy was a tenth of this step's time.
  return { category: finding.category, start: finding.start, end: finding.end, text: finding.text, score, reasons };
}
