#!/usr/bin/env node
// Writes the demo files of `data/demo/personal-data/` that `rampart data scan` is shown on: a customer
// export (CSV, UTF-8), an order log of a Chinese system written in GBK, and a web server log. Every
// identifier is made up by the corpus generator of datasec/ (valid check digits, fictional people), from a
// fixed seed, so running this again writes the same bytes. Needs `npm run build` first.
//
// Usage: node scripts/make-demo-personal-data.js [FOLDER]   (default: data/demo/personal-data)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';
import { VALUE_MAKERS } from '../dist/datasec/corpus/identifiers.js';
import { seededRandom } from '../dist/core/seeded-random.js';

const folder = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'demo', 'personal-data'));
const random = seededRandom(20261126);
const value = (category) => VALUE_MAKERS[category].valid(random).text;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳'];
const CITIES = ['南京', '苏州', '无锡', '常州', '武汉', '宜昌'];
const name = () => random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.5) ? random.pick(GIVEN) : '');

mkdirSync(folder, { recursive: true });

// A CRM export: one column per kind of data, and columns that hold none (customer number, city, amount).
const rows = ['customer_no,name,id_card,mobile,email,bank_card,city,balance'];
for (let i = 1; i <= 120; i++) {
  rows.push([`C${String(100000 + i)}`, name(), value('cn-resident-id'), value('cn-mobile'), value('email'), random.chance(0.8) ? value('bank-card') : '', random.pick(CITIES), (random.next() * 90000).toFixed(2)].join(','));
}
writeFileSync(path.join(folder, 'customers.csv'), rows.join('\n') + '\n');

// An order log of an older system that writes GBK: phone numbers and plates in Chinese sentences.
const orders = [];
for (let i = 1; i <= 80; i++) {
  const time = new Date(Date.UTC(2026, 10, 20, 1, 0, i * 37)).toISOString().replace('T', ' ').slice(0, 19);
  orders.push(`${time} 订单 ${String(880000000 + i * 7919)} 已受理，收货人${name()}，联系电话 ${value('cn-mobile')}，车牌 ${value('cn-vehicle-plate')}，金额 ${(random.next() * 900).toFixed(2)} 元`);
}
writeFileSync(path.join(folder, 'orders-gbk.txt'), encodeGbk(orders.join('\n') + '\n'));

// A web server log: client addresses, and e-mail addresses in query strings.
const access = [];
for (let i = 1; i <= 60; i++) {
  const time = `20/Nov/2026:09:${String(10 + Math.floor(i / 6)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')} +0800`;
  const client = random.chance(0.8) ? value('ipv4') : value('ipv6');
  const request = random.chance(0.3) ? `GET /account/reset?email=${encodeURIComponent(value('email')).replace('%40', '@')} HTTP/1.1` : `GET /static/app.${random.chars('0123456789abcdef', 8)}.js HTTP/1.1`;
  access.push(`${client} - - [${time}] "${request}" 200 ${random.between(200, 90000)} "-" "Mozilla/5.0"`);
}
writeFileSync(path.join(folder, 'access.log'), access.join('\n') + '\n');
console.log(`wrote customers.csv, orders-gbk.txt and access.log to ${folder}`);

/** GBK bytes of `text`: Node decodes GBK but has no encoder, so the table is built by decoding every two-byte code. */
function encodeGbk(text) {
  const decoder = new TextDecoder('gbk');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const character = decoder.decode(Uint8Array.of(lead, trail));
      if (character.length === 1 && character !== '\ufffd' && !table.has(character)) table.set(character, [lead, trail]);
    }
  }
  const bytes = [];
  for (const character of text) {
    const code = character.codePointAt(0);
    if (code < 0x80) bytes.push(code);
    else if (table.has(character)) bytes.push(...table.get(character));
    else throw new Error(`no GBK code for ${character}`);
  }
  return Uint8Array.from(bytes);
}
