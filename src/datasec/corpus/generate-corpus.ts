// The labelled corpus of the recognizer-quality test: valid identifiers and look-alikes of every
// category, written into Chinese and English sentences, CSV rows and log lines, each sample with the
// exact spans a perfect recognizer would report. Context words here are the generator's own, not
// recognizers/context.ts, so the test does not grade the recognizers against themselves.

import type { Category } from '../recognizers/recognizer.js';
import { VALUE_MAKERS, randomDigitRun, type Value } from './identifiers.js';
import { seededRandom, type Random } from '../../core/seeded-random.js';

export interface Label {
  category: Category;
  start: number;
  end: number;
}

export interface Sample {
  kind: 'zh-sentence' | 'en-sentence' | 'csv-row' | 'log-line';
  text: string;
  labels: Label[];
}

export const CORPUS_CATEGORIES = Object.keys(VALUE_MAKERS) as Category[];

/** How people name each identifier just before writing it, in Chinese and in English (and as a log key). */
const NAMES: Readonly<Record<Category, { zh: readonly string[]; en: readonly string[]; key: string }>> = {
  'cn-resident-id': { zh: ['身份证号：', '身份证号码', '公民身份号码为'], en: ['ID number ', 'resident ID: '], key: 'id_no' },
  'cn-residence-permit': { zh: ['港澳台居民居住证号码：', '居住证'], en: ['residence permit '], key: 'permit' },
  'cn-uscc': { zh: ['统一社会信用代码：', '统一社会信用代码为'], en: ['credit code '], key: 'uscc' },
  'cn-mobile': { zh: ['手机：', '联系电话', '手机号码为'], en: ['mobile ', 'phone: '], key: 'phone' },
  'bank-card': { zh: ['银行卡号：', '借记卡'], en: ['bank card ', 'debit card no. '], key: 'bank_card' },
  'cn-passport': { zh: ['护照号码：', '护照'], en: ['passport no. ', 'passport '], key: 'passport' },
  'cn-travel-permit': { zh: ['往来港澳通行证号码', '通行证：'], en: ['travel permit '], key: 'permit' },
  'cn-vehicle-plate': { zh: ['车牌号', '车牌：'], en: ['licence plate ', 'plate '], key: 'plate' },
  email: { zh: ['邮箱：', '电子邮件'], en: ['email ', 'e-mail: '], key: 'email' },
  ipv4: { zh: ['IP地址', '来源地址'], en: ['client ', 'from '], key: 'src_ip' },
  ipv6: { zh: ['IPv6地址', '地址：'], en: ['address ', 'client '], key: 'src_ip6' },
  'credit-card': { zh: ['信用卡号：', '信用卡'], en: ['credit card ', 'card number '], key: 'card' },
  iban: { zh: ['收款账户IBAN：', '账户'], en: ['IBAN ', 'account '], key: 'iban' },
  'e164-phone': { zh: ['国际电话', '联系电话'], en: ['phone ', 'tel. '], key: 'tel' },
};

const NEUTRAL = { zh: ['编号', '备注：', '记录', ''], en: ['ref ', 'value ', 'note: ', ''], key: 'value' };
const ZH_NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强'];
const EN_NAMES = ['Alice Smith', 'Bob Jones', 'Carol White', 'David Lee', 'Emma Brown'];

/** A text built piece by piece, recording the spans of the pieces that are identifiers. */
class TextBuilder {
  text = '';
  labels: Label[] = [];
  add(piece: string): this {
    this.text += piece;
    return this;
  }
  addValue(piece: string, category: Category | undefined): this {
    if (category !== undefined) this.labels.push({ category, start: this.text.length, end: this.text.length + piece.length });
    return this.add(piece);
  }
}

interface Item {
  value: Value;
  /** The category it truly is, or undefined for a look-alike or a random digit run. */
  category: Category | undefined;
  /** The category whose words to write before it. */
  namedAs: Category;
}

function item(random: Random): Item {
  const namedAs = random.pick(CORPUS_CATEGORIES);
  const roll = random.next();
  if (roll < 0.6) return { value: VALUE_MAKERS[namedAs].valid(random), category: namedAs, namedAs };
  if (roll < 0.9) return { value: { text: VALUE_MAKERS[namedAs].lookAlike(random) }, category: undefined, namedAs };
  return { value: { text: randomDigitRun(random) }, category: undefined, namedAs };
}

/** The words before a value: its category's name (always, when the value needs it) or a neutral word. */
function lead(random: Random, entry: Item, language: 'zh' | 'en' | 'key'): string {
  const named = entry.value.needsContext || random.chance(0.6);
  if (language === 'key') return `${named ? NAMES[entry.namedAs].key : NEUTRAL.key}=`;
  return random.pick(named ? NAMES[entry.namedAs][language] : NEUTRAL[language]);
}

function zhSentence(random: Random): Sample {
  const builder = new TextBuilder().add(`${random.pick(ZH_NAMES)}${random.pick(['的', '提交的资料中，', '（客户）'])}`);
  const entries = [item(random), ...(random.chance(0.4) ? [item(random)] : [])];
  entries.forEach((entry, index) => {
    if (index > 0) builder.add(random.pick(['，', '；另', '，以及']));
    builder.add(lead(random, entry, 'zh')).addValue(entry.value.text, entry.category);
  });
  builder.add(random.pick(['，请核实。', '。', '，已登记备案。', ' 已确认']));
  return { kind: 'zh-sentence', ...builder };
}

function enSentence(random: Random): Sample {
  const builder = new TextBuilder().add(`${random.pick(EN_NAMES)} ${random.pick(['gave', 'updated', 'sent us'])} `);
  const entries = [item(random), ...(random.chance(0.4) ? [item(random)] : [])];
  entries.forEach((entry, index) => {
    if (index > 0) builder.add(random.pick([' and ', ', then ', '; ']));
    builder.add(lead(random, entry, 'en')).addValue(entry.value.text, entry.category);
  });
  builder.add(random.pick([' yesterday.', '.', ' for the transfer.', ' (verified)']));
  return { kind: 'en-sentence', ...builder };
}

/** A CSV row has no words before its values (the header is far away): only values that stand alone. */
function csvRow(random: Random): Sample {
  const builder = new TextBuilder().add(`${random.between(1, 99999)},${random.pick([...ZH_NAMES, ...EN_NAMES])}`);
  const count = random.between(2, 5);
  for (let i = 0; i < count; i++) {
    let entry = item(random);
    while (entry.value.needsContext) entry = item(random);
    builder.add(',');
    const quoted = random.chance(0.2);
    if (quoted) builder.add('"');
    builder.addValue(entry.value.text, entry.category);
    if (quoted) builder.add('"');
  }
  builder.add(`,${random.pick(['active', '正常', '2024-05-01', 'N/A'])}`);
  return { kind: 'csv-row', ...builder };
}

function logLine(random: Random): Sample {
  const time = `2024-0${random.between(1, 9)}-1${random.between(0, 9)}T${random.between(10, 23)}:${random.between(10, 59)}:${random.between(10, 59)}.${random.between(100, 999)}Z`;
  const builder = new TextBuilder().add(`${time} ${random.pick(['INFO', 'WARN', 'DEBUG'])} [${random.pick(['auth', 'payment', 'kyc', 'gateway'])}] pid=${random.between(100, 99999)} `);
  const entries = [item(random), ...(random.chance(0.5) ? [item(random)] : [])];
  for (const entry of entries) {
    builder.add(lead(random, entry, 'key')).addValue(entry.value.text.replace(/ /g, random.chance(0.5) ? ' ' : ''), entry.category).add(' ');
  }
  builder.add(`req=${random.below(2 ** 30).toString(16)}${random.below(2 ** 30).toString(16)} latency=${random.between(1, 999)}ms ${random.pick(['ok', 'v2.3.1', 'status=200', 'build 1.20.3.4'])}`);
  return { kind: 'log-line', ...builder };
}

/** `count` samples from `seed`: the same seed always gives the same corpus. */
export function generateCorpus(seed: number, count: number): Sample[] {
  const random = seededRandom(seed);
  const makers = [zhSentence, enSentence, csvRow, logLine];
  return Array.from({ length: count }, (_, index) => makers[index % makers.length](random));
}
