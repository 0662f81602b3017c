// Context words: the words written just before an identifier say what it is. They are data, in one
// place: per category, words that raise a finding's score and words that lower it, in Chinese and
// English. A word counts when it ends within CONTEXT_WINDOW characters before the finding.

import { MOST_CONTEXT_RAISES, clampScore, sumOfChanges, type Category, type Finding } from './recognizer.js';

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
  word: string;
  ascii: boolean;
}

const prepare = (words: readonly string[] = []): PreparedWord[] =>
  words.map((word) => ({ word: word.toLowerCase(), ascii: /^[\x20-\x7e]+$/.test(word) }));

/**
 * One pattern of every word of a category (raise and lower), matched case-insensitively (Unicode case
 * folding) against the window as written, before the window is lower-cased and the words looked up one
 * by one: three findings in four have none of them before, and one search of the window costs less
 * than lower-casing it and a dozen lookups. Every character that lower-cases to a word's character
 * folds to it too (a test checks all of U+0000–U+FFFF), so a word the lookup finds is always found by
 * this; the one character that lower-cases to two (U+0130, İ) is let through to the lookup.
 */
export const anyWordOf = (words: readonly string[]): RegExp =>
  new RegExp([...words.map((word) => word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), '\u0130'].join('|'), 'iu');

const PREPARED = new Map(
  Object.entries(CONTEXT_WORDS).map(([category, words]) => {
    const raise = prepare(words.raise);
    const lower = prepare(words.lower);
    return [category, { raise, lower, any: anyWordOf([...words.raise, ...(words.lower ?? [])]) }];
  }),
);

/**
 * A character that lower-casing may change: anything but ASCII without capitals, CJK punctuation, kana
 * and ideographs (U+3000–U+9FFF), and the full-width forms other than capitals (U+FF21–FF3A). A window
 * without one is its own lower case: most are digits, Latin words and Chinese, and toLowerCase of a
 * two-byte string is a slow general call (a tenth of a scan's time). A test checks every character
 * outside this class is unchanged by toLowerCase.
 */
export const MAY_CHANGE_CASE = /[^\0-@[-\x7f\u3000-\u9fff\uff00-\uff20\uff3b-\uffff]/;

/** A lower-case ASCII letter or a digit (the window is lower-cased); false past either end (NaN). */
const isAsciiWordChar = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 97 && code <= 122);

/** The first of `words` found in `window` (already lower-cased), standing alone if it is ASCII. */
function firstWordIn(window: string, words: readonly PreparedWord[]): string | undefined {
  for (const { word, ascii } of words) {
    for (let at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
      if (!ascii || (!isAsciiWordChar(window.charCodeAt(at - 1)) && !isAsciiWordChar(window.charCodeAt(at + word.length)))) return word;
    }
  }
  return undefined;
}

/** The finding with its score moved by the context words before it in `text`. */
export function applyContext(text: string, finding: Finding): Finding {
  const words = PREPARED.get(finding.category);
  if (words === undefined || finding.start === 0) return finding;
  const raw = text.slice(Math.max(0, finding.start - CONTEXT_WINDOW), finding.start);
  if (!words.any.test(raw)) return finding;
  const window = MAY_CHANGE_CASE.test(raw) ? raw.toLowerCase() : raw;
  const raisedBy = firstWordIn(window, words.raise);
  const loweredBy = firstWordIn(window, words.lower);
  // Most findings have no context word: they are returned as they are, nothing copied.
  if (raisedBy === undefined && loweredBy === undefined) return finding;
  const reasons = [...finding.reasons];
  if (raisedBy !== undefined) reasons.push({ change: CONTEXT_RAISE, why: `context word "${raisedBy}" before it` });
  if (loweredBy !== undefined) reasons.push({ change: CONTEXT_LOWER, why: `context word "${loweredBy}" before it` });
  const score = clampScore(sumOfChanges(reasons));
  // Written out rather than spread: a spread copy was a tenth of this step's time.
  return { category: finding.category, start: finding.start, end: finding.end, text: finding.text, score, reasons };
}
