import { describe, expect, it } from 'vitest';
import { failingLuhn, residentIdFor } from '../../../test/identifiers.js';
import { splitFields, TextScanner, type ScannedFinding, type TextScanOptions } from './scan-text.js';

const residentId = (serial: number): string => residentIdFor(serial, '11010519491231');

function scan(chunks: readonly string[], options: TextScanOptions = {}): { findings: ScannedFinding[]; values: string[]; lines: number } {
  const findings: ScannedFinding[] = [];
  const values: string[] = [];
  const scanner = new TextScanner((finding, value) => {
    findings.push(finding);
    values.push(value);
  }, options);
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return { findings, values, lines: scanner.lines };
}

describe('TextScanner', () => {
  it('reports category, line, column and a masked sample, across chunks cut anywhere', () => {
    const text = `first line\r\n身份证号 ${residentId(2)}，手机 13800138000\nlast: zhang.san@example.com`;
    for (const size of [1, 3, 7, text.length]) {
      const chunks = text.match(new RegExp(`[^]{1,${size}}`, 'g'))!;
      const { findings, lines } = scan(chunks);
      expect(findings).toEqual([
        { category: 'cn-resident-id', line: 2, column: 6, masked: '110*************02'.replace(/02$/, residentId(2).slice(-2)), score: expect.any(Number) },
        { category: 'cn-mobile', line: 2, column: 28, masked: '138******00', score: expect.any(Number) },
        { category: 'email', line: 3, column: 7, masked: 'z***@example.com', score: expect.any(Number) },
      ]);
      expect(lines).toBe(3);
    }
  });

  it('names CSV columns from the header, quoted fields included', () => {
    const csv = `name,身份证号,手机,notes\n张三,${residentId(3)},13800138000,"call, then mail a@b.cn"\n"李,四",${residentId(4)},,\n`;
    const { findings } = scan([csv], { table: 'csv' });
    expect(findings.map((finding) => [finding.line, finding.columnName, finding.category])).toEqual([
      [2, '身份证号', 'cn-resident-id'],
      [2, '手机', 'cn-mobile'],
      [2, 'notes', 'email'],
      [3, '身份证号', 'cn-resident-id'],
    ]);
  });

  it('reads each value after its column\'s name, so a bank card failing Luhn under 银行卡号 is found, and at its own place', () => {
    const card = failingLuhn('621483000012345678');
    const csv = `customer,银行卡号,ref\nC1,${card},${card}\n`;
    const { findings } = scan([csv], { table: 'csv' });
    // Under the bank-card header it is reported; the same number under "ref" is not (no context, Luhn fails).
    expect(findings.map((finding) => [finding.line, finding.column, finding.columnName, finding.category])).toEqual([[2, 4, '银行卡号', 'bank-card']]);
    expect(scan([csv.replace('银行卡号', 'other')], { table: 'csv' }).findings).toEqual([]);
  });

  it('neither names a column by, nor reads context from, a header cell that holds an identifier', () => {
    const { findings } = scan([`13800138000,email\nx,a@example.com\n13900139000,y\n`], { table: 'csv' });
    expect(findings.map((finding) => [finding.line, finding.columnName ?? null, finding.masked])).toEqual([
      [1, null, '138******00'],
      [2, 'email', 'a***@example.com'],
      [3, 'column 1', '139******00'],
    ]);
  });

  it('names TSV columns', () => {
    const { findings } = scan([`id\tphone\n1\t13800138000\n`], { table: 'tsv' });
    expect(findings.map((finding) => finding.columnName)).toEqual(['phone']);
  });

  it('finds an identifier exactly once wherever it sits against a window boundary of a long line', () => {
    const id = residentId(5);
    const options = { windowSize: 1000, overlap: 100 };
    for (let position = 860; position <= 1010; position++) {
      const line = ' '.repeat(position) + id + ' '.repeat(3000 - position);
      const { findings, values } = scan([line.slice(0, 500), line.slice(500), '\nnext 13800138000\n'], options);
      expect(findings.map((finding) => [finding.line, finding.column])).toEqual([
        [1, position + 1],
        [2, 6],
      ]);
      expect(values[0]).toBe(id);
    }
  });

  it('finds the same in windows as in one piece, in bounded memory', () => {
    const parts: string[] = [];
    for (let i = 0; i < 400; i++) parts.push(`记录${i} 身份证 ${residentId(i % 999)} 电话 1380013${String(8000 + i).padStart(4, '0')} ${'x'.repeat(i % 37)}`);
    const line = parts.join('; ');
    const whole = scan([line]);
    const windowed = scan(line.match(/[^]{1,333}/g)!, { windowSize: 2000, overlap: 120 });
    expect(whole.findings.length).toBe(800);
    expect(windowed.findings).toEqual(whole.findings);
  });
});

describe('splitFields', () => {
  it('splits on the delimiter outside quotes and unquotes', () => {
    expect(splitFields('a,"b,c","d ""e""",', ',').map((field) => field.value)).toEqual(['a', 'b,c', 'd "e"', '']);
    expect(splitFields('a,"b,c"', ',').map((field) => [field.start, field.end])).toEqual([
      [0, 1],
      [2, 7],
    ]);
  });
});
