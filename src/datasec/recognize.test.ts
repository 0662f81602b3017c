import { describe, expect, it } from 'vitest';
import { recognize } from './recognize.js';
import { generateCorpus } from './corpus/generate-corpus.js';
import { RECOGNIZERS } from './recognizers/index.js';
import { textShape } from './recognizers/text-shape.js';

const found = (text: string, minScore?: number) =>
  recognize(text, undefined, { minScore }).map((finding) => [finding.category, finding.text]);

describe('recognize', () => {
  it('finds identifiers of several kinds in one Chinese sentence, in order', () => {
    expect(found('张三，身份证号11010519491231002X，手机13800138000，邮箱zhang.san@example.com。')).toEqual([
      ['cn-resident-id', '11010519491231002X'],
      ['cn-mobile', '13800138000'],
      ['email', 'zhang.san@example.com'],
    ]);
  });

  it('reports a resident ID once, not also as a bank card', () => {
    // 110105194912310021 has a wrong check digit; the valid ID below also passes no other check.
    const findings = recognize('ID 11010519491231002X');
    expect(findings.map((finding) => finding.category)).toEqual(['cn-resident-id']);
  });

  it('gives +86 mobiles to cn-mobile, not to the E.164 recognizer', () => {
    expect(found('phone +86 138 0013 8000')).toEqual([['cn-mobile', '+86 138 0013 8000']]);
    expect(found('phone +44 20 7946 0958')).toEqual([['e164-phone', '+44 20 7946 0958']]);
  });

  it('does not cut identifiers out of longer digit runs or e-mail addresses', () => {
    expect(found('12345678901234567890123')).toEqual([]);
    expect(found('13800138000@139.com')).toEqual([['email', '13800138000@139.com']]);
  });

  it('raises by context: a UnionPay number failing Luhn is reported after 银行卡 only', () => {
    expect(found('编号 6222021234567890120')).toEqual([]);
    expect(found('银行卡号：6222021234567890120')).toEqual([['bank-card', '6222021234567890120']]);
  });

  it('lowers by context: a version number is not an IP address', () => {
    expect(found('version 1.2.3.4')).toEqual([]);
    expect(found('client 10.1.2.3 connected')).toEqual([['ipv4', '10.1.2.3']]);
  });

  it('keeps a wrong check digit under the threshold even with context, and shows it below', () => {
    expect(found('身份证号110105194912310021')).toEqual([]);
    expect(found('身份证号110105194912310021', 0.15)).toEqual([['cn-resident-id', '110105194912310021']]);
  });

  it('explains every score by its reasons', () => {
    const [finding] = recognize('身份证 11010519491231002X');
    expect(finding.reasons.map((reason) => reason.why)).toEqual([
      '18 characters, province code 11, birth date 1949-12-31',
      'check character valid (ISO 7064 MOD 11-2)',
      'context word "身份证" before it',
    ]);
    expect(finding.score).toBe(1);
  });
});

describe('each recognizer\'s mayMatch', () => {
  it('is never false on a text the recognizer finds something in (necessary, so skipping loses nothing)', () => {
    const texts = generateCorpus(7, 3000).map((sample) => sample.text);
    const wrong: string[] = [];
    for (const text of texts) {
      const shape = textShape(text);
      for (const recognizer of RECOGNIZERS) {
        if (recognizer.mayMatch && !recognizer.mayMatch(shape) && recognizer.find(text).length > 0) wrong.push(`${recognizer.id}: ${text}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
