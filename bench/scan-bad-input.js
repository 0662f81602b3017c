#!/usr/bin/env node
// bench:scan-bad-input — issue 6's acceptance "Bad input: binary files, invalid encodings, a 1 GB
// single-line file … → a clear message, and the scan goes on with the rest", through the built command.
//
// Writes, in a temporary folder that is deleted afterwards:
//   one-line.txt   1 GiB (--mb) of text without a newline, written in 1 MiB chunks, with identifiers
//                  planted at seeded random places (a resident ID, a mobile number and an e-mail address
//                  per MiB, each distinct, each after its context word);
//   image.png      a PNG header and random bytes (binary);
//   latin1.txt     Latin-1 text, neither UTF-8 nor GB18030 (invalid encoding);
//   corrupt.xlsx   a zip signature and nothing of a zip after it;
//   bomb.docx      a Word document whose document.xml inflates about a thousandfold (a zip bomb);
// then runs `rampart data scan --format json` on the folder in a child process, with the heap cap the
// command runs with, and prints the elapsed time, the child's peak RSS (process.resourceUsage().maxRSS,
// reported by the child at exit), the findings counted against the planted ones, and the problems.
// Then, in a second child, a large workbook (not bad input, but the case that must stay in bounded
// memory): --rows rows (default 90,000, below the exact-count limit of 100,000 distinct values) of a
// resident ID in the shared-string table, a mobile number stored as a number in exponent form
// (1.3812345678E10) and an e-mail address in an inline string.
//
//   npm run bench:scan-bad-input           build, then 1 GiB and 90,000 rows
//   node bench/scan-bad-input.js [--mb 1024] [--rows 90000] [--seed 1]
//
// Exits 1 when a planted identifier was missed, a distinct one miscounted, or a bad file not reported;
// 0 otherwise. Imports the compiled code from dist/ (npm run build).

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import yazl from 'yazl';
import { heapLimitMb, memoryEnv, memoryFlags } from '../bin/heap-limit.js';
import { benchCommandLine } from './lib/command-line.js';
import { REPO } from './lib/locations.js';

const { positiveInteger, parse } = benchCommandLine('bench:scan-bad-input', 'node bench/scan-bad-input.js [--mb 1024] [--rows 90000] [--seed 1]');
const options = { mb: 1024, rows: 90_000, seed: 1 };
parse(process.argv.slice(2), (flag, value) => {
  if (flag === '--mb') options.mb = positiveInteger(flag, value());
  else if (flag === '--rows') options.rows = positiveInteger(flag, value());
  else if (flag === '--seed') options.seed = positiveInteger(flag, value());
  else return false;
  return true;
});

const dist = (module) => import(pathToFileURL(path.join(REPO, 'dist', module)).href);
const { residentIdCheckCharacter } = await dist('datasec/recognizers/checksums.js');
const { seededRandom } = await dist('core/seeded-random.js');

const MIB = 1024 * 1024;
/** Prose-like filler without identifiers: words, small numbers, a decimal, Chinese text. */
const FILLER_UNIT = 'the quarterly report lists 12 sites and 3.5 tonnes, 报告 列出 站点 与 数量 ok; ';

const folder = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-bad-input-'));
const exitCode = await run().finally(() => rmSync(folder, { recursive: true, force: true }));
process.exit(exitCode);

async function run() {
  const random = seededRandom(options.seed);
  let started = performance.now();
  const planted = writeOneLine(path.join(folder, 'one-line.txt'), options.mb, random);
  const bytes = statSync(path.join(folder, 'one-line.txt')).size;
  const png = Buffer.alloc(4096);
  for (let i = 0; i < png.length; i++) png[i] = random.below(256);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).copy(png);
  writeFileSync(path.join(folder, 'image.png'), png);
  writeFileSync(path.join(folder, 'latin1.txt'), Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e, t\xe9l 13800138000\n', 'latin1'));
  writeFileSync(path.join(folder, 'corrupt.xlsx'), Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from('this is not the rest of a zip archive')]));
  writeFileSync(path.join(folder, 'bomb.docx'), await zipBomb());
  console.log('bench:scan-bad-input');
  console.log(`  machine   ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, Node.js ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  console.log(`  input     ${(bytes / MIB).toFixed(0)} MiB on one line with ${planted.ids + planted.mobiles + planted.emails} identifiers planted, written in ${((performance.now() - started) / 1000).toFixed(1)} s; a PNG, a Latin-1 text, a corrupt .xlsx, a zip-bomb .docx`);

  started = performance.now();
  const child = await runScan(folder);
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) {
    console.error(`  the scan exited ${child.status}:\n${child.stderr}`);
    return 1;
  }
  const report = JSON.parse(child.stdout);
  const line = report.files.find((file) => file.path.endsWith('one-line.txt'));
  const tally = (category) => line?.groups.flatMap((group) => group.categories).find((found) => found.category === category) ?? { count: 0, individuals: 0 };
  const rows = [
    ['cn-resident-id', planted.ids],
    ['cn-mobile', planted.mobiles],
    ['email', planted.emails],
  ].map(([category, count]) => ({ category, planted: count, found: tally(category).count, individuals: tally(category).individuals }));
  const others = (line?.groups.flatMap((group) => group.categories) ?? []).filter((found) => !rows.some((row) => row.category === found.category));

  console.log(`  scan      ${seconds.toFixed(1)} s, ${(bytes / MIB / seconds).toFixed(1)} MiB/s; peak RSS ${child.maxRssKiB ? `${(child.maxRssKiB / 1024).toFixed(0)} MiB` : 'not reported'} (heap cap ${heapLimitMb()} MB); exit status ${child.status}`);
  console.log(`  lines     ${line?.lines ?? 'file not in the report'} (one line, no newline at its end)`);
  for (const row of rows) console.log(`  ${row.category.padEnd(15)} planted ${row.planted}, found ${row.found}, ${row.individuals} individuals`);
  if (others.length > 0) console.log(`  other findings in the filler: ${others.map((found) => `${found.category} ${found.count}`).join(', ')}`);
  console.log('  problems');
  for (const problem of report.problems) console.log(`    ${path.basename(problem.path)}: ${problem.message}`);

  const failures = [];
  for (const row of rows) {
    if (row.found !== row.planted) failures.push(`${row.category}: found ${row.found} of ${row.planted} planted`);
    if (row.individuals !== row.planted) failures.push(`${row.category}: ${row.individuals} individuals, ${row.planted} distinct planted`);
  }
  const expected = { 'image.png': /^binary /, 'latin1.txt': /^invalid text encoding/, 'corrupt.xlsx': /not a readable zip archive/, 'bomb.docx': /zip bomb/ };
  for (const [name, pattern] of Object.entries(expected)) {
    if (!report.problems.some((problem) => path.basename(problem.path) === name && pattern.test(problem.message))) failures.push(`${name}: no problem matching ${pattern}`);
  }
  if (!report.problems.every((problem) => Object.keys(expected).includes(path.basename(problem.path)))) failures.push('a problem reported for a good file');
  const raw = [...planted.samples].find((value) => child.stdout.includes(value) || child.stderr.includes(value));
  if (raw !== undefined) failures.push('a planted value appears unmasked in the output');
  failures.push(...(await scanWorkbook(random)));
  if (failures.length > 0) {
    console.error(`  FAILED\n${failures.map((failure) => `    ${failure}`).join('\n')}`);
    return 1;
  }
  console.log('  ok: every planted identifier found and counted, every bad file reported by name, the scan went on');
  return 0;
}

/** The large workbook, scanned alone; returns what went wrong. */
async function scanWorkbook(random) {
  const file = path.join(folder, 'big', 'people.xlsx');
  mkdirSync(path.dirname(file));
  let started = performance.now();
  const samples = new Set();
  writeFileSync(file, await workbook(options.rows, random, samples));
  console.log(`  workbook  ${options.rows.toLocaleString('en')} rows, ${(statSync(file).size / MIB).toFixed(1)} MiB zipped, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const child = await runScan(path.dirname(file));
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) return [`the workbook scan exited ${child.status}: ${child.stderr}`];
  const report = JSON.parse(child.stdout);
  console.log(`  scan      ${seconds.toFixed(1)} s, ${Math.round(options.rows / seconds).toLocaleString('en')} rows/s; peak RSS ${child.maxRssKiB ? `${(child.maxRssKiB / 1024).toFixed(0)} MiB` : 'not reported'}; ${report.files[0]?.lines ?? 0} rows read`);
  const failures = [];
  for (const [column, category] of [['身份证号', 'cn-resident-id'], ['手机', 'cn-mobile'], ['备注', 'email']]) {
    const tally = report.files[0]?.groups.find((group) => group.column === column)?.categories.find((found) => found.category === category);
    console.log(`  ${column.padEnd(6)} ${category.padEnd(15)} planted ${options.rows}, found ${tally?.count ?? 0}, ${tally?.individuals ?? 0} individuals, first at ${tally?.samples[0]?.location.split(':').at(-1) ?? '-'}`);
    if (tally?.count !== options.rows || tally?.individuals !== options.rows) failures.push(`workbook column ${column}: ${tally?.count ?? 0} found, ${tally?.individuals ?? 0} individuals of ${options.rows}`);
  }
  if (report.problems.length > 0) failures.push(`workbook problems: ${report.problems.map((problem) => problem.message).join('; ')}`);
  if ([...samples].some((value) => child.stdout.includes(value))) failures.push('a workbook value appears unmasked in the output');
  return failures;
}

/** A workbook of one sheet: a header row, then one person a row. */
async function workbook(rows, random, samples) {
  const ids = [];
  const sheet = ['<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  sheet.push('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c><c r="C1" t="inlineStr"><is><t>手机</t></is></c><c r="D1" t="inlineStr"><is><t>备注</t></is></c></row>');
  const seen = new Set();
  for (let row = 2; row < rows + 2; row++) {
    let id;
    do id = residentId(random);
    while (seen.has(id));
    seen.add(id);
    ids.push(id);
    const mobile = `13${random.between(5, 9)}${String(row).padStart(8, '0')}`;
    if (samples.size < 30) samples.add(id).add(mobile);
    // The mobile as Excel writes a number: mantissa and exponent.
    const exponent = `${mobile[0]}.${mobile.slice(1).replace(/0+$/, '')}E10`;
    sheet.push(
      `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>张${row}</t></is></c><c r="B${row}" t="s"><v>${row - 2}</v></c><c r="C${row}"><v>${exponent}</v></c>` +
        `<c r="D${row}" t="inlineStr"><is><t>邮箱 p${row}@example.com</t></is></c></row>`,
    );
  }
  sheet.push('</sheetData></worksheet>');
  const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${ids.map((id) => `<si><t>${id}</t></si>`).join('')}</sst>`;
  const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>`), '_rels/.rels');
  zip.addBuffer(Buffer.from(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${relationships}"><sheets><sheet name="人员" sheetId="1" r:id="r1"/></sheets></workbook>`), 'xl/workbook.xml');
  zip.addBuffer(
    Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="r2" Type="${relationships}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    'xl/_rels/workbook.xml.rels',
  );
  zip.addBuffer(Buffer.from(shared), 'xl/sharedStrings.xml');
  zip.addBuffer(Buffer.from(sheet.join('')), 'xl/worksheets/sheet1.xml');
  zip.end();
  const chunks = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Writes `mb` MiB of one line, chunk by chunk; returns how many of each identifier were planted. */
function writeOneLine(file, mb, random) {
  const counts = { ids: 0, mobiles: 0, emails: 0, samples: new Set() };
  const seen = new Set();
  const unique = (make) => {
    for (;;) {
      const value = make();
      if (!seen.has(value)) {
        seen.add(value);
        if (counts.samples.size < 50) counts.samples.add(value);
        return value;
      }
    }
  };
  const unit = Buffer.from(FILLER_UNIT);
  const filler = Buffer.from(FILLER_UNIT.repeat(Math.ceil(MIB / unit.length)));
  const fd = openSync(file, 'w');
  try {
    for (let chunk = 0; chunk < mb; chunk++) {
      const id = unique(() => residentId(random));
      const mobile = unique(() => `13${random.between(5, 9)}${random.chars('0123456789', 8)}`);
      const email = unique(() => `user${chunk}.${random.chars('abcdefghijklmnopqrstuvwxyz', 5)}@example.com`);
      const planted = [` 身份证号 ${id} `, ` 手机 ${mobile} `, ` 邮箱 ${email} `].map((text) => Buffer.from(text));
      counts.ids++;
      counts.mobiles++;
      counts.emails++;
      // Whole filler units (so no character is cut) between the planted values at random places, then
      // spaces to make exactly 1 MiB.
      const room = MIB - planted.reduce((sum, text) => sum + text.length, 0);
      const units = Math.floor(room / unit.length);
      const cuts = [random.below(units + 1), random.below(units + 1), random.below(units + 1)].sort((a, b) => a - b);
      const pieces = [];
      let at = 0;
      cuts.forEach((cut, i) => {
        pieces.push(filler.subarray(at * unit.length, cut * unit.length), planted[i]);
        at = cut;
      });
      pieces.push(filler.subarray(at * unit.length, units * unit.length), Buffer.alloc(room - units * unit.length, 0x20));
      writeSync(fd, Buffer.concat(pieces));
    }
  } finally {
    closeSync(fd);
  }
  return counts;
}

function residentId(random) {
  const birth = new Date(Date.UTC(1950, 0, 1) + random.below(50 * 365) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `440306${date}${String(random.below(1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

async function zipBomb() {
  const zip = new yazl.ZipFile();
  const paragraph = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
  const body = Buffer.from(paragraph.repeat(Math.ceil((64 * MIB) / paragraph.length)));
  zip.addBuffer(Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'), '_rels/.rels');
  zip.addBuffer(Buffer.concat([Buffer.from('<w:document xmlns:w="w"><w:body>'), body, Buffer.from('</w:body></w:document>')]), 'word/document.xml');
  zip.end();
  const chunks = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Runs the scan as `rampart` runs it, with a hook that reports the process's peak RSS at exit. */
function runScan(target) {
  const reportRss = 'data:text/javascript,process.on("exit",()=>process.stderr.write("bench-max-rss-kib "+process.resourceUsage().maxRSS+"\\n"))';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...memoryFlags(), '--import', reportRss, path.join(REPO, 'bin', 'rampart.js'), 'data', 'scan', '--format', 'json', '--no-progress', target], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: memoryEnv(),
    });
    const out = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const rss = /bench-max-rss-kib (\d+)/.exec(stderr);
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: stderr.replace(/bench-max-rss-kib \d+\n/, ''), maxRssKiB: rss ? Number(rss[1]) : undefined });
    });
  });
}
