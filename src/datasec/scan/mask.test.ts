import { describe, expect, it } from 'vitest';
import { maskValue } from './mask.js';

describe('maskValue', () => {
  it('keeps the first 3 and last 2 characters of identifiers, phones and cards', () => {
    expect(maskValue('cn-resident-id', '11010519491231002X')).toBe('110*************2X');
    expect(maskValue('cn-mobile', '13800138000')).toBe('138******00');
    expect(maskValue('bank-card', '6222 0212 3456 7890 128')).toBe('622******************28');
  });

  it('shows less of short values, and never half of them', () => {
    expect(maskValue('cn-vehicle-plate', '京A12345')).toBe('京*****5');
    expect(maskValue('ipv4', '10.0.0.1')).toBe('1******1');
    expect(maskValue('cn-mobile', '123')).toBe('***');
  });

  it('keeps an e-mail address\'s first character and domain', () => {
    expect(maskValue('email', 'zhang.san@example.com.cn')).toBe('z***@example.com.cn');
  });
});
