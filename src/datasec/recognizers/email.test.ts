import { describe, expect, it } from 'vitest';
import { emailRecognizer } from './email.js';

const texts = (text: string) => emailRecognizer.find(text).map((finding) => finding.text);

describe('e-mail recognizer', () => {
  it('finds addresses in Chinese and English text', () => {
    expect(texts('邮箱zhang.san@example.com。')).toEqual(['zhang.san@example.com']);
    expect(texts('mail j.doe+news@mail.example.com.cn, please')).toEqual(['j.doe+news@mail.example.com.cn']);
    expect(texts('13800138000@139.com')).toEqual(['13800138000@139.com']);
  });
  it('rejects addresses without a letter TLD, with double @ or a trailing dot in the local part', () => {
    expect(texts('root@localhost a@@example.com bob.@example.com x@example.c')).toEqual([]);
  });
});
