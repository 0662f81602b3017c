import { chmodSync, mkdirSync, mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { residentIdFor } from '../../../test/identifiers.js';
import { scanFiles, type ScanProgress } from './scan-files.js';

const residentId = (serial: number): string => residentIdFor(serial, '11010519491231');

// "手机：" in GBK (手 CAD6, 机 BBFA, ： A3BA), then an ASCII number.
const GBK_PHONE = Buffer.concat([Buffer.from('cad6bbfaa3ba', 'hex'), Buffer.from('13800138000\n')]);

describe('scanFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-files-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'people.csv'), `\ufeffname,身份证号,手机\n张三,${residentId(1)},13800138000\n李四,${residentId(2)},13800138001\n王五,${residentId(1)},\n`);
  writeFileSync(join(dir, 'sub', 'gbk.txt'), GBK_PHONE);
  writeFileSync(join(dir, 'sub', 'utf16.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`身份证 ${residentId(3)}\r\n`, 'utf16le')]));
  writeFileSync(join(dir, 'sub', 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
  writeFileSync(join(dir, 'sub', 'latin.txt'), Buffer.from([0x61, 0x80, 0xff, 0x62]));
  writeFileSync(join(dir, 'sub', 'empty.json'), '');
  writeFileSync(join(dir, 'late-bad.ndjson'), Buffer.concat([Buffer.from(`{"phone":"13800138002"}\n`.repeat(5000)), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from(`{"phone":"13800138003"}\n`)]));

  it('scans each text file in its encoding, names CSV columns, totals by category', async () => {
    const report = await scanFiles([dir]);
    const byPath = new Map(report.files.map((file) => [file.path.slice(dir.length + 1), file]));
    expect([...byPath.keys()].sort()).toEqual(['late-bad.ndjson', 'people.csv', 'sub/gbk.txt', 'sub/utf16.log']);
    const csv = byPath.get('people.csv')!;
    expect(csv.encoding).toBe('utf-8');
    expect(csv.groups.map((group) => [group.column, group.categories.map((tally) => [tally.category, tally.count, tally.individuals])])).toEqual([
      ['身份证号', [['cn-resident-id', 3, 2]]],
      ['手机', [['cn-mobile', 2, 2]]],
    ]);
    expect(csv.groups[0].categories[0].samples[0]).toEqual({ masked: maskedId(1), location: `${join(dir, 'people.csv')}:2 (身份证号)` });
    expect(byPath.get('sub/gbk.txt')).toMatchObject({ encoding: 'gb18030', groups: [{ categories: [{ category: 'cn-mobile', count: 1, samples: [{ masked: '138******00' }] }] }] });
    expect(byPath.get('sub/utf16.log')).toMatchObject({ encoding: 'utf-16le', groups: [{ categories: [{ category: 'cn-resident-id', count: 1 }] }] });
    expect(byPath.get('late-bad.ndjson')!.groups[0].categories[0]).toMatchObject({ category: 'cn-mobile', count: 5001, individuals: 2 });
    expect(report.totals.find((tally) => tally.category === 'cn-mobile')).toMatchObject({ count: 5004, individuals: 4 });
    expect(report.totals.find((tally) => tally.category === 'cn-resident-id')).toMatchObject({ count: 4, individuals: 3 });
    expect(report.filesScanned).toBe(5);
  });

  it('reports binary, invalid and unreadable files by name and goes on', async () => {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, `手机 13800138000\n`);
    chmodSync(locked, 0o000);
    const report = await scanFiles([dir, join(dir, 'missing')]);
    chmodSync(locked, 0o600);
    const problems = report.problems.map((problem) => `${problem.path.slice(dir.length + 1)}: ${problem.message}`);
    expect(problems).toContainEqual(expect.stringMatching(/^sub\/image\.png: binary \(NUL byte at offset 8\), not scanned$/));
    expect(problems).toContainEqual('sub/latin.txt: invalid text encoding: neither UTF-8 nor GB18030 (first invalid UTF-8 byte at offset 1), not scanned');
    expect(problems).toContainEqual(expect.stringMatching(/^late-bad\.ndjson: invalid utf-8 within bytes \d+–\d+; scanned with replacement characters from there$/));
    expect(problems).toContainEqual('missing: not found');
    if (process.getuid?.() !== 0) expect(problems).toContainEqual('locked.txt: permission denied; not scanned');
    expect(report.files.length).toBeGreaterThanOrEqual(4);
  });

  it('tells each kind of bad input apart, keeping what can be read', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'rampart-scan-bad-'));
    // An ELF header: the magic, then the class, data and version bytes and NUL padding.
    writeFileSync(join(bad, 'program'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56)]));
    // UTF-16 LE without a BOM: Chinese context, then an ASCII identifier, whose zero bytes give it away.
    writeFileSync(join(bad, 'no-bom.txt'), Buffer.from(`身份证 ${residentId(4)}\r\n`, 'utf16le'));
    // GBK text longer than one read, cut inside its last character (a lead byte without its trail byte).
    const gbkLines = Buffer.concat(Array.from({ length: 8000 }, () => GBK_PHONE));
    writeFileSync(join(bad, 'cut-gbk.txt'), Buffer.concat([gbkLines, Buffer.from([0xca])]));
    // The same cut in a file read in one piece: nothing tells a cut GB18030 file from another encoding.
    writeFileSync(join(bad, 'cut-short.txt'), Buffer.concat([GBK_PHONE, Buffer.from([0xca])]));
    writeFileSync(join(bad, 'a-read-first.txt'), '手机 13800138004\n');
    writeFileSync(join(bad, 'z-removed.txt'), '手机 13800138005\n');
    // Removed after the walk listed it, while the first file is read.
    let removed = false;
    const report = await scanFiles([bad], {
      onProgress: (step) => {
        if (!removed && step.file.endsWith('a-read-first.txt')) unlinkSync(join(bad, 'z-removed.txt'));
        removed = true;
      },
    });
    const problems = report.problems.map((problem) => `${problem.path.slice(bad.length + 1)}: ${problem.message}`);
    expect(problems).toEqual([
      'cut-gbk.txt: invalid gb18030 at the end: a character cut short after byte 144001; the rest was scanned',
      'cut-short.txt: invalid text encoding: neither UTF-8 nor GB18030 (first invalid UTF-8 byte at offset 1), not scanned',
      'program: binary (NUL byte at offset 7), not scanned',
      'z-removed.txt: not found; not scanned',
    ]);
    const byName = new Map(report.files.map((file) => [file.path.slice(bad.length + 1), file]));
    expect(byName.get('cut-gbk.txt')).toMatchObject({ encoding: 'gb18030', groups: [{ categories: [{ category: 'cn-mobile', count: 8000 }] }] });
    expect(byName.get('no-bom.txt')).toMatchObject({ encoding: 'utf-16le', groups: [{ categories: [{ category: 'cn-resident-id', count: 1 }] }] });
    expect(byName.get('a-read-first.txt')).toBeDefined();
    expect(report.filesScanned).toBe(3);
  });

  it('reports progress in bytes up to the total', async () => {
    const progress: ScanProgress[] = [];
    await scanFiles([join(dir, 'people.csv'), join(dir, 'late-bad.ndjson')], { onProgress: (step) => progress.push(step) });
    const last = progress.at(-1)!;
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(progress.every((step, i) => i === 0 || step.bytesDone >= progress[i - 1].bytesDone)).toBe(true);
  });
});

function maskedId(serial: number): string {
  const id = residentId(serial);
  return id.slice(0, 3) + '*'.repeat(13) + id.slice(-2);
}
