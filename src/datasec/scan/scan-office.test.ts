import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { failingLuhn, maskedLong, residentIdFor } from '../../../test/identifiers.js';
import { buildDocx, buildXlsx, xlsxParts, zipParts } from '../../../test/office-builder.js';
import { scanFiles, type FileScan, type ScanReport } from './scan-files.js';
import { columnLetters, columnNumber, numberText, sheetReference } from './scan-xlsx.js';

const residentId = residentIdFor;
const masked = maskedLong;
const ID_1 = residentId(11);
const ID_2 = residentId(23);
const ID_3 = residentId(35);
/** A UnionPay-shaped number failing Luhn: a bank card only after a bank-card word. */
const CARD_FAILING_LUHN = failingLuhn('621483000012345678');
const AMBIGUOUS = '440306197306173528';
const RAW_VALUES = [AMBIGUOUS, ID_1, ID_2, ID_3, '13800138000', '13900139000', '13700137000', '13600136000', 'zhang.san@example.com', 'li.si@example.org'];

const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-office-'));
const at = (name: string): string => join(dir, name);
let report: ScanReport;
const file = (name: string): FileScan | undefined => report.files.find((scanned) => scanned.path === at(name));
const problemsOf = (name: string): string[] => report.problems.filter((problem) => problem.path === at(name)).map((problem) => problem.message);
const groupsOf = (name: string) => file(name)!.groups.map((group) => [group.sheet, group.column, group.categories.map((tally) => [tally.category, tally.count, tally.individuals])]);

beforeAll(async () => {
  writeFileSync(
    at('customers.xlsx'),
    await buildXlsx([
      {
        name: '客户',
        firstRow: 2, // row 1 empty: the header is the first non-empty row
        rows: [
          ['姓名', '身份证号', '手机', '备注'],
          ['张三', ID_1, { raw: '1.3800138E10' }, { inline: '邮箱 zhang.san@example.com' }],
          ['李四', { formula: 'CONCAT("4403",A9)', cached: ID_2 }, 13900139000, null],
          ['王五', ID_1, { raw: 'TRUE', type: 'b' }, { raw: '#N/A', type: 'e' }],
        ],
      },
      // No header: the first row holds a value, which must not become a column's name.
      { name: 'My sheet', rows: [[{ raw: '13700137000' }, 'note'], [{ raw: '1.1010519491231E+17' }, 'id typed as a number']] },
    ]),
  );
  // Both a valid resident ID and a valid unified social credit code: the header decides which.
  writeFileSync(at('ambiguous.xlsx'), await buildXlsx([{ name: 'S', rows: [['身份证号', '统一社会信用代码'], [AMBIGUOUS, AMBIGUOUS]] }]));
  writeFileSync(at('neighbours.xlsx'), await buildXlsx([{ name: 'S', rows: [['银行卡号', 'ref'], [CARD_FAILING_LUHN, CARD_FAILING_LUHN]] }]));
  writeFileSync(
    at('letter.docx'),
    await buildDocx(
      [
        { runs: ['身份证号：', ID_3.slice(0, 9), ID_3.slice(9)] },
        { table: [['姓名', '手机'], ['赵六', '13600136000']] },
        { runs: ['没有个人信息。'] },
      ],
      { footer1: ['邮箱 li.si@example.org'] },
    ),
  );
  writeFileSync(at('really-text.xlsx'), `name,phone\nzhou,13800138000\n`);
  writeFileSync(at('encrypted.docx'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512, 7)]));
  writeFileSync(at('corrupt.xlsx'), Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('not really a zip archive at all')]));
  writeFileSync(at('no-workbook.xlsm'), await zipParts({ 'hello.txt': 'hello' }));
  const broken = xlsxParts([{ name: 'S', rows: [['手机'], [{ raw: '13800138000' }]] }]);
  broken['xl/worksheets/sheet1.xml'] = broken['xl/worksheets/sheet1.xml']!.replace('</sheetData>', '<row r="9"><c r="A9"><v>1</v></sheetData>');
  writeFileSync(at('malformed.xlsx'), await zipParts(broken));
  // 8 MB of rows compressing about a thousandfold: refused under a 1 MiB floor at 100×.
  const bomb = xlsxParts([{ name: 'S', rows: [['a']] }]);
  bomb['xl/worksheets/sheet1.xml'] = `<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(300_000)}</sheetData></worksheet>`;
  writeFileSync(at('bomb.xlsx'), await zipParts(bomb));
  // An archive that lies about its sizes: the central directory says the sheet inflates to 100 bytes.
  writeFileSync(at('lying.xlsx'), lieAboutSize(await zipParts(bomb), 'xl/worksheets/sheet1.xml', 100));
  report = await scanFiles([dir], { zipLimits: { floor: 1024 * 1024 } });
});

describe('scanning workbooks', () => {
  it('names findings by sheet and header column, with the cell as location', () => {
    const workbook = file('customers.xlsx')!;
    expect(workbook).toMatchObject({ format: 'xlsx', lines: 6 });
    expect(groupsOf('customers.xlsx')).toEqual([
      ['客户', '身份证号', [['cn-resident-id', 3, 2]]],
      ['客户', '手机', [['cn-mobile', 2, 2]]],
      ['客户', '备注', [['email', 1, 1]]],
      ['My sheet', 'column A', [['cn-mobile', 1, 1]]],
    ]);
    const samples = workbook.groups.map((group) => group.categories[0]!.samples);
    expect(samples[0]).toEqual([
      { masked: masked(ID_1), location: `${at('customers.xlsx')}:客户!B3` },
      { masked: masked(ID_2), location: `${at('customers.xlsx')}:客户!B4` },
    ]);
    // 1.3800138E10 is written out as the phone it is; a number cell and a formula's cached text are read.
    expect(samples[1]).toEqual([
      { masked: '138******00', location: `${at('customers.xlsx')}:客户!C3` },
      { masked: '139******00', location: `${at('customers.xlsx')}:客户!C4` },
    ]);
    expect(samples[2]).toEqual([{ masked: 'z***@example.com', location: `${at('customers.xlsx')}:客户!D3` }]);
    expect(samples[3]).toEqual([{ masked: '137******00', location: `${at('customers.xlsx')}:'My sheet'!A1` }]);
  });

  it("takes each column's header as the context words of its values", () => {
    expect(groupsOf('ambiguous.xlsx')).toEqual([
      ['S', '身份证号', [['cn-resident-id', 1, 1]]],
      ['S', '统一社会信用代码', [['cn-uscc', 1, 1]]],
    ]);
  });

  it("does not let a column's header raise the value of the column beside it", () => {
    expect(groupsOf('neighbours.xlsx')).toEqual([['S', '银行卡号', [['bank-card', 1, 1]]]]);
  });

  it('says when an identifier typed as a number has lost digits', () => {
    expect(problemsOf('customers.xlsx')).toEqual([expect.stringMatching(/^'My sheet': 1 number cell of 16 or more digits \(first at A2\): Excel keeps 15 significant digits/)]);
  });
});

describe('scanning Word documents', () => {
  it('reads paragraphs split in runs, table cells, and footers, placed by paragraph', () => {
    const document = file('letter.docx')!;
    expect(document).toMatchObject({ format: 'docx', lines: 7 });
    expect(document.groups).toHaveLength(1);
    const byCategory = new Map(document.groups[0]!.categories.map((tally) => [tally.category, tally.samples]));
    expect(byCategory.get('cn-resident-id')).toEqual([{ masked: masked(ID_3), location: `${at('letter.docx')}:paragraph 1` }]);
    expect(byCategory.get('cn-mobile')).toEqual([{ masked: '136******00', location: `${at('letter.docx')}:paragraph 5 (table 1, row 2, cell 2)` }]);
    expect(byCategory.get('email')).toEqual([{ masked: 'l***@example.org', location: `${at('letter.docx')}:footer1 paragraph 1` }]);
  });
});

describe('bad Office files', () => {
  it('names each problem and goes on with the rest', () => {
    expect(problemsOf('really-text.xlsx')).toEqual(['named .xlsx but not a zip archive (no zip signature): scanned as text instead']);
    expect(file('really-text.xlsx')).toMatchObject({ encoding: 'utf-8', groups: [{ categories: [{ category: 'cn-mobile', count: 1 }] }] });
    expect(file('really-text.xlsx')!.format).toBeUndefined();
    expect(problemsOf('encrypted.docx')).toEqual([expect.stringMatching(/^an OLE compound file, not a zip archive: a password-protected \(encrypted\) Office file/)]);
    expect(problemsOf('corrupt.xlsx')).toEqual([expect.stringMatching(/^not a readable zip archive \(.+\); not scanned$/)]);
    expect(problemsOf('no-workbook.xlsm')).toEqual(['a zip archive without a workbook or Word document part (a presentation or another zip); not scanned']);
    expect(problemsOf('malformed.xlsx')).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet1\.xml: malformed XML \(.+\); stopped there, findings before that are reported$/)]);
    expect(groupsOf('malformed.xlsx')).toEqual([['S', '手机', [['cn-mobile', 1, 1]]]]);
    expect(problemsOf('bomb.xlsx')).toEqual([expect.stringMatching(/^declares 7\.\d MiB from \d+ B, above the \d+\.\d MiB allowed for it: a possible zip bomb; not scanned$/)]);
    expect(problemsOf('lying.xlsx')).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet1\.xml: .*too many bytes.*; not scanned$/i)]);
    for (const name of ['encrypted.docx', 'corrupt.xlsx', 'no-workbook.xlsm', 'bomb.xlsx', 'lying.xlsx']) expect(file(name)).toBeUndefined();
    expect(report.filesScanned).toBe(6);
  });

  it('never puts a scanned value in the report unmasked', () => {
    const json = JSON.stringify(report);
    for (const value of RAW_VALUES) expect(json).not.toContain(value);
  });
});

describe('cell helpers', () => {
  it('writes numbers in full, never in exponent form, and flags those past 15 digits', () => {
    expect(numberText('1.3800138E10')).toEqual({ text: '13800138000', truncated: false });
    expect(numberText('13800138000')).toEqual({ text: '13800138000', truncated: false });
    expect(numberText('4.4030619900101E+17')).toEqual({ text: '440306199001010000', truncated: true });
    expect(numberText('6.2258800001234567E+18')).toEqual({ text: '6225880000123456700', truncated: true });
    expect(numberText('-1.5E3')).toEqual({ text: '-1500', truncated: false });
    expect(numberText('1.5E-3')).toEqual({ text: '1.5E-3', truncated: false });
    expect(numberText('0.25')).toEqual({ text: '0.25', truncated: false });
    expect(numberText('1E+300')).toEqual({ text: '1E+300', truncated: true });
  });

  it('converts column letters both ways and quotes sheet names as Excel does', () => {
    expect([columnNumber('A1'), columnNumber('C12'), columnNumber('AB7'), columnNumber('XFD1'), columnNumber(undefined), columnNumber('1A')]).toEqual([1, 3, 28, 16384, undefined, undefined]);
    expect([1, 26, 27, 28, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA', 'XFD']);
    expect([sheetReference('Sheet1'), sheetReference('客户'), sheetReference('My sheet'), sheetReference("Bob's")]).toEqual(['Sheet1', '客户', "'My sheet'", "'Bob''s'"]);
  });
});

/** Rewrites the uncompressed size of `part` in the zip's central directory. */
function lieAboutSize(zip: Buffer, part: string, size: number): Buffer {
  for (let at = zip.length - 46; at >= 0; at--) {
    if (zip.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === part) {
      zip.writeUInt32LE(size, at + 24);
      return zip;
    }
  }
  throw new Error(`no central directory entry for ${part}`);
}
