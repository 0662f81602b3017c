// Identifier values for the labelled corpus: for each category, valid values in the forms people write
// them, and look-alikes that must not be reported (wrong check digits, impossible dates, wrong lengths).
// Valid values are built with the published check algorithms (recognizers/checksums.ts, pinned to the
// regulations.md examples by its tests); the labels never come from the recognizers themselves.

import { ibanCheckDigits, luhnCheckDigit, organisationCodeCheckCharacter, residentIdCheckCharacter, usccCheckCharacter } from '../recognizers/checksums.js';
import type { Category } from '../recognizers/recognizer.js';
import type { Random } from '../../core/seeded-random.js';

export interface Value {
  text: string;
  /** Reported only after one of the category's context words (a UnionPay number failing Luhn). */
  needsContext?: boolean;
}

export interface ValueMaker {
  valid(random: Random): Value;
  lookAlike(random: Random): string;
}

const DIGITS = '0123456789';
const LETTERS_NO_IO = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'];
const digits = (random: Random, count: number) => random.chars(DIGITS, count);
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A different character of the same alphabet at position `at`. */
function corrupt(random: Random, text: string, at: number, alphabet: string): string {
  let replacement = text[at];
  while (replacement === text[at]) replacement = random.pick([...alphabet]);
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

const birthDate = (random: Random) => `${random.between(1930, 2015)}${pad(random.between(1, 12), 2)}${pad(random.between(1, 28), 2)}`;
const impossibleDate = (random: Random) =>
  random.pick([`${random.between(1950, 2000)}13${pad(random.between(1, 28), 2)}`, `${random.between(1950, 2000)}0230`, `${random.between(2090, 2099)}0101`, `1890${pad(random.between(1, 12), 2)}15`]);
const withIdCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);

function residentId(random: Random, region: string, date = birthDate(random)): string {
  return withIdCheck(`${region}${date}${digits(random, 3)}`);
}

const countyRegion = (random: Random) => `${random.pick(PROVINCES)}${pad(random.between(1, 30), 2)}${pad(random.between(1, 30), 2)}`;

const residentIdMaker: ValueMaker = {
  valid: (random) => ({ text: residentId(random, countyRegion(random)) }),
  lookAlike: (random) => {
    const id = residentId(random, countyRegion(random));
    switch (random.below(4)) {
      case 0: return corrupt(random, id, 17, '0123456789X');
      case 1: return withIdCheck(`${countyRegion(random)}${impossibleDate(random)}${digits(random, 3)}`);
      case 2: return withIdCheck(`${random.pick(['00', '19', '90', '99', '72'])}${id.slice(2, 17)}`);
      default: return random.chance(0.5) ? id.slice(0, 17) : `${id}${random.below(10)}`;
    }
  },
};

const residencePermitMaker: ValueMaker = {
  valid: (random) => ({ text: residentId(random, random.pick(['810000', '820000', '830000'])) }),
  lookAlike: (random) => {
    const permit = residentId(random, random.pick(['810000', '820000', '830000']));
    return random.chance(0.5) ? corrupt(random, permit, 17, '0123456789X') : withIdCheck(`${random.pick(['840000', '810100', '800000'])}${permit.slice(6, 17)}`);
  },
};

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(random: Random): string {
  const organisationBody = random.chars('0123456789ABCDEFGHJKLMNPQRTUWXY'.slice(0, 10), 2) + random.chars(USCC_BODY, 6);
  const organisation = organisationBody + organisationCodeCheckCharacter(organisationBody);
  const first17 = `${random.pick(['1', '5', '9', 'Y'])}${random.pick(['1', '2', '3', '9'])}${countyRegion(random)}${organisation}`;
  return first17 + usccCheckCharacter(first17);
}

const usccMaker: ValueMaker = {
  valid: (random) => ({ text: uscc(random) }),
  lookAlike: (random) => {
    const code = uscc(random);
    switch (random.below(3)) {
      case 0: return corrupt(random, code, 17, USCC_BODY);
      case 1: {
        // Only the embedded organisation code's check is wrong: the outer check is recomputed to pass.
        const first17 = corrupt(random, code.slice(0, 17), 16, '0123456789');
        return first17 + usccCheckCharacter(first17);
      }
      default: return code.slice(0, 17);
    }
  },
};

const MOBILE_SEGMENTS = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '147', '150', '151', '152', '155', '156', '157', '158', '159', '166', '170', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

const mobileMaker: ValueMaker = {
  valid: (random) => {
    const number = `${random.pick(MOBILE_SEGMENTS)}${digits(random, 8)}`;
    const grouped = (separator: string) => `${number.slice(0, 3)}${separator}${number.slice(3, 7)}${separator}${number.slice(7)}`;
    const body = random.pick([number, number, grouped(' '), grouped('-')]);
    return { text: random.pick(['', '', '', '+86 ', '+86', '0086 ', '+86-']) + body };
  },
  lookAlike: (random) =>
    random.pick([
      `1${random.pick(['0', '1', '2'])}${digits(random, 9)}`,
      `${random.pick(MOBILE_SEGMENTS)}${digits(random, 7)}`,
      `${random.pick(MOBILE_SEGMENTS)}${digits(random, 9)}`,
    ]),
};

/** A Luhn-valid number of `length` digits starting with `prefix`. */
function luhnNumber(random: Random, prefix: string, length: number): string {
  const body = prefix + digits(random, length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}

/** A number of `length` digits that fails Luhn. */
function nonLuhnNumber(random: Random, prefix: string, length: number): string {
  const valid = luhnNumber(random, prefix, length);
  return valid.slice(0, -1) + ((Number(valid[valid.length - 1]) + random.between(1, 9)) % 10);
}

const groupByFour = (number: string, separator: string) => number.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
const printedCard = (random: Random, number: string) => random.pick([number, number, groupByFour(number, ' '), groupByFour(number, '-')]);

const bankCardMaker: ValueMaker = {
  valid: (random) => {
    const length = random.pick([16, 19, 19]);
    const prefix = random.pick(['62', '622', '6212', '6217', '6222', '6228']);
    // Sources disagree on whether every UnionPay card passes Luhn: some in the corpus do not, and are
    // written after a bank-card word, as they would be in practice.
    if (random.chance(0.1)) return { text: nonLuhnNumber(random, prefix, length), needsContext: true };
    return { text: printedCard(random, luhnNumber(random, prefix, length)) };
  },
  lookAlike: (random) => nonLuhnNumber(random, random.pick(['1', '3', '4', '5', '7', '8', '9']), random.between(16, 19)),
};

const BRANDS: readonly { prefixes: readonly string[]; length: number }[] = [
  { prefixes: ['4'], length: 16 },
  { prefixes: ['51', '52', '53', '54', '55', '2221', '2720'], length: 16 },
  { prefixes: ['34', '37'], length: 15 },
  { prefixes: ['6011', '65'], length: 16 },
  { prefixes: ['3528', '3589'], length: 16 },
  { prefixes: ['36', '38'], length: 14 },
];

const creditCardMaker: ValueMaker = {
  valid: (random) => {
    const brand = random.pick(BRANDS);
    const number = luhnNumber(random, random.pick(brand.prefixes), brand.length);
    if (brand.length === 15 && random.chance(0.5)) return { text: `${number.slice(0, 4)} ${number.slice(4, 10)} ${number.slice(10)}` };
    return { text: brand.length === 16 ? printedCard(random, number) : number };
  },
  lookAlike: (random) => {
    const brand = random.pick(BRANDS);
    return nonLuhnNumber(random, random.pick(brand.prefixes), brand.length);
  },
};

const passportMaker: ValueMaker = {
  valid: (random) => ({
    text: random.pick([
      `E${digits(random, 8)}`,
      `E${random.pick([...LETTERS_NO_IO])}${digits(random, 7)}`,
      `G${digits(random, 8)}`,
      `${random.pick(['DE', 'SE', 'PE'])}${digits(random, 7)}`,
      `K${digits(random, 8)}`,
      `MA${digits(random, 7)}`,
    ]),
  }),
  lookAlike: (random) => random.pick([`E${digits(random, 7)}`, `E${random.pick(['I', 'O'])}${digits(random, 7)}`, `G${digits(random, 9)}`, `${random.pick(['B', 'F', 'Q'])}${digits(random, 8)}`]),
};

const travelPermitMaker: ValueMaker = {
  valid: (random) => ({ text: random.pick([`H${digits(random, 8)}`, `M${digits(random, 8)}`, `C${digits(random, 8)}`, `C${random.pick([...LETTERS_NO_IO])}${digits(random, 7)}`]) }),
  lookAlike: (random) => random.pick([`H${digits(random, 7)}`, `C${random.pick(['I', 'O'])}${digits(random, 7)}`, `M${digits(random, 9)}`]),
};

const PLATE_PROVINCES = [...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'];
const plateMaker: ValueMaker = {
  valid: (random) => {
    const head = `${random.pick(PLATE_PROVINCES)}${random.pick([...LETTERS_NO_IO])}`;
    const serial = random.pick([
      digits(random, 5),
      `${random.pick([...LETTERS_NO_IO])}${digits(random, 4)}`,
      `${digits(random, 3)}${random.chars(LETTERS_NO_IO, 2)}`,
      `${random.pick(['D', 'F'])}${random.pick([...LETTERS_NO_IO, ...DIGITS])}${digits(random, 4)}`,
      `${digits(random, 5)}${random.pick(['D', 'F'])}`,
    ]);
    return { text: `${head}${random.pick(['', '', '·'])}${serial}` };
  },
  lookAlike: (random) => {
    const province = random.pick(PLATE_PROVINCES);
    return random.pick([`${province}${random.pick(['I', 'O'])}${digits(random, 5)}`, `${province}${random.pick([...LETTERS_NO_IO])}${digits(random, 4)}`, `${province}${random.pick([...LETTERS_NO_IO])}${digits(random, 7)}`]);
  },
};

const LOCAL_NAMES = ['zhang.wei', 'wangfang', 'li_na', 'liu.yang88', 'chenjing', 'alice.smith', 'bob', 'j.doe+news', 'service', 'hr-team'];
const DOMAINS = ['example.com', '163.com', 'qq.com', 'mail.example.cn', 'corp.example.com.cn', 'example.org', 'outlook.com'];
const emailMaker: ValueMaker = {
  valid: (random) => ({ text: `${random.pick(LOCAL_NAMES)}${random.chance(0.3) ? random.between(1, 999) : ''}@${random.pick(DOMAINS)}` }),
  lookAlike: (random) => {
    const local = random.pick(LOCAL_NAMES);
    return random.pick([`${local}@localhost`, `${local}@@${random.pick(DOMAINS)}`, `${local}.@${random.pick(DOMAINS)}`, `${local}@example`, `${local}@example.c`]);
  },
};

const octet = (random: Random) => String(random.pick([random.between(0, 255), random.between(1, 254), random.between(10, 199)]));
const ipv4Maker: ValueMaker = {
  valid: (random) => ({ text: [octet(random), octet(random), octet(random), octet(random)].join('.') }),
  lookAlike: (random) =>
    random.pick([
      [octet(random), String(random.between(256, 999)), octet(random), octet(random)].join('.'),
      [octet(random), octet(random), octet(random)].join('.'),
      [octet(random), octet(random), octet(random), octet(random), octet(random)].join('.'),
    ]),
};

function ipv6Groups(random: Random): string[] {
  const groups = Array.from({ length: 8 }, () => random.below(65536).toString(16));
  if (random.chance(0.5)) {
    groups[0] = '2001';
    groups[1] = 'db8';
  }
  const zeros = random.between(0, 4);
  const at = random.between(2, 8 - zeros);
  for (let i = at; i < at + zeros; i++) groups[i] = '0';
  return groups;
}

/** RFC 5952 text: the longest run of two or more zero groups compressed to `::`. */
function compress(groups: string[]): string {
  let best = { at: -1, length: 1 };
  for (let i = 0; i < groups.length; i++) {
    let length = 0;
    while (groups[i + length] === '0') length++;
    if (length > best.length) best = { at: i, length };
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}

const ipv6Maker: ValueMaker = {
  valid: (random) => {
    if (random.chance(0.1)) return { text: `::ffff:${[octet(random), octet(random), octet(random), octet(random)].join('.')}` };
    const groups = ipv6Groups(random);
    const text = random.chance(0.7) ? compress(groups) : groups.join(':');
    return { text: random.chance(0.2) ? text.toUpperCase() : text };
  },
  lookAlike: (random) => {
    const groups = ipv6Groups(random).map((group) => (group === '0' ? 'a' : group));
    return random.pick([
      [...groups, 'beef'].join(':'),
      `${groups.slice(0, 2).join(':')}::${groups[3]}::${groups[5]}`,
      [...groups.slice(0, 7), '12345'].join(':'),
      groups.slice(0, 6).join(':'),
    ]);
  },
};

const IBAN_FORMATS: readonly { country: string; bban: (random: Random) => string }[] = [
  { country: 'DE', bban: (random) => digits(random, 18) },
  { country: 'GB', bban: (random) => random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + digits(random, 14) },
  { country: 'FR', bban: (random) => digits(random, 23) },
  { country: 'NL', bban: (random) => random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4) + digits(random, 10) },
  { country: 'ES', bban: (random) => digits(random, 20) },
  { country: 'CH', bban: (random) => digits(random, 17) },
  { country: 'IT', bban: (random) => random.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1) + digits(random, 22) },
];

function iban(random: Random): string {
  const format = random.pick(IBAN_FORMATS);
  const bban = format.bban(random);
  return `${format.country}${ibanCheckDigits(format.country, bban)}${bban}`;
}
const printedIban = (random: Random, compact: string) => (random.chance(0.5) ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact);

const ibanMaker: ValueMaker = {
  valid: (random) => ({ text: printedIban(random, iban(random)) }),
  lookAlike: (random) => {
    const compact = iban(random);
    return random.chance(0.6) ? corrupt(random, compact, random.between(4, compact.length - 1), DIGITS).replace(/[A-Z](?=[0-9]*$)/, '0') : compact.slice(0, -1);
  },
};

const PHONE_FORMATS: readonly ((random: Random) => string)[] = [
  (random) => (random.chance(0.5) ? `+44 20 ${digits(random, 4)} ${digits(random, 4)}` : `+44 7911 ${digits(random, 6)}`),
  (random) => `+1 ${random.between(201, 989)} ${random.between(200, 999)} ${digits(random, 4)}`,
  (random) => `+49 30 ${digits(random, 8)}`,
  (random) => `+33 ${random.between(1, 9)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`,
  (random) => `+81 3 ${digits(random, 4)} ${digits(random, 4)}`,
  (random) => `+852 ${random.pick(['5', '6', '9'])}${digits(random, 3)} ${digits(random, 4)}`,
  (random) => `+61${random.pick(['4'])}${digits(random, 8)}`,
  (random) => `+971${digits(random, 9)}`,
  (random) => `+86 10 ${digits(random, 8)}`,
];

const e164Maker: ValueMaker = {
  valid: (random) => ({ text: random.pick(PHONE_FORMATS)(random) }),
  lookAlike: (random) => random.pick([`+0${digits(random, 10)}`, `+28${digits(random, 9)}`, `+44 ${digits(random, 4)}`, `+1 ${random.between(201, 989)} ${digits(random, 6)}`, `+${digits(random, 4)}`]),
};

export const VALUE_MAKERS: Readonly<Record<Category, ValueMaker>> = {
  'cn-resident-id': residentIdMaker,
  'cn-residence-permit': residencePermitMaker,
  'cn-uscc': usccMaker,
  'cn-mobile': mobileMaker,
  'bank-card': bankCardMaker,
  'cn-passport': passportMaker,
  'cn-travel-permit': travelPermitMaker,
  'cn-vehicle-plate': plateMaker,
  email: emailMaker,
  ipv4: ipv4Maker,
  ipv6: ipv6Maker,
  'credit-card': creditCardMaker,
  iban: ibanMaker,
  'e164-phone': e164Maker,
};

/** A run of digits of no identifier's shape: Luhn fails from 13 digits up, no mobile prefix at 11. */
export function randomDigitRun(random: Random): string {
  const length = random.pick([6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 22]);
  if (length >= 13) return nonLuhnNumber(random, random.pick(['1', '2', '3', '4', '5', '7', '8', '9']), length);
  const run = `${random.between(1, 9)}${digits(random, length - 1)}`;
  return length === 11 ? `2${run.slice(1)}` : run;
}
