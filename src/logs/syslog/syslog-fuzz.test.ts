// Hostile syslog must never escape as an exception, stall, or grow memory: mutated messages through
// the parser, and mutated byte streams cut at random through the TCP framer. Seeded, so a failure
// reproduces exactly; RAMPART_FUZZ_SEED explores other cases.

import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../core/seeded-random.js';
import { isSyslogProblem, parseSyslogMessage } from './parse-syslog.js';
import { syslogFields } from './syslog-event.js';
import { SyslogFramer } from './syslog-framing.js';

const ITERATIONS = 3000;
const SEED = Number(process.env.RAMPART_FUZZ_SEED ?? 0x5eed);

const SAMPLES = [
  "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8",
  '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"] msg',
  '<14>1 - - - - - [x@1 q="say \\"hi\\"" b="C:\\\\temp" c="a\\]b"]',
  "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
  'Mar  3 14:22:01 web01 sshd[4123]: Failed password for invalid user admin from 203.0.113.7 port 52144 ssh2',
  '2024-03-03T14:22:01.123456+01:00 web01 sudo: pam_unix(sudo:auth): authentication failure; logname= uid=1000',
  '<38>Feb 29 14:22:01 postfix/smtpd[42]: connect from unknown[198.51.100.9]',
];

/** Characters that matter to a syslog parser. */
const SPECIAL = '<>[]"=\\- :0123456789TZ.\r\n\u0000\uFEFFJanDec';

function mutate(text: string, random: Random): string {
  let result = text;
  const mutations = random.between(1, 4);
  for (let m = 0; m < mutations; m++) {
    const at = random.below(result.length + 1);
    switch (random.below(5)) {
      case 0: // a character replaced by a special one or any code unit (lone surrogates included)
        result = result.slice(0, at) + (random.chance(0.7) ? random.pick([...SPECIAL]) : String.fromCharCode(random.below(0x10000))) + result.slice(at + 1);
        break;
      case 1: // truncation
        result = result.slice(0, at);
        break;
      case 2: // a run of one special character, the shape that makes backtracking regexes blow up
        result = result.slice(0, at) + random.pick([...SPECIAL]).repeat(random.between(1, 5000)) + result.slice(at);
        break;
      case 3: // a piece of the text repeated
        result = result.slice(0, at) + result.slice(at, at + random.between(1, 20)).repeat(random.between(2, 500)) + result.slice(at);
        break;
      default: // a piece deleted
        result = result.slice(0, at) + result.slice(at + random.between(1, 10));
    }
  }
  return result;
}

describe('parseSyslogMessage under fuzzed input', () => {
  it('never throws, answers quickly, and keeps every part within the input', () => {
    const random = seededRandom(SEED);
    const receivedAt = new Date('2024-03-03T15:00:00Z');
    let parsedCount = 0;
    let slowest = 0;
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const text = mutate(random.pick(SAMPLES), random);
      const label = `seed ${SEED}, iteration ${iteration}: ${JSON.stringify(text.slice(0, 200))}`;
      const started = performance.now();
      const result = parseSyslogMessage(text, { receivedAt, maxLength: 16 * 1024 });
      slowest = Math.max(slowest, performance.now() - started);
      if (isSyslogProblem(result)) {
        expect(typeof result.problem, label).toBe('string');
        expect(result.text.length, label).toBeLessThanOrEqual(16 * 1024);
        continue;
      }
      parsedCount++;
      expect(result.message.length, label).toBeLessThanOrEqual(text.length);
      if (result.time !== undefined) expect(Number.isNaN(Date.parse(result.time)), label).toBe(false);
      if (result.priority !== undefined) expect(result.priority.facility * 8 + result.priority.severity, label).toBeLessThanOrEqual(191);
      const fields = syslogFields(result);
      expect(typeof fields.message, label).toBe('string');
    }
    // Both outcomes must have been exercised, and no single message may take long.
    expect(parsedCount).toBeGreaterThan(ITERATIONS / 10);
    expect(parsedCount).toBeLessThan(ITERATIONS);
    expect(slowest).toBeLessThan(200);
  });
});

describe('SyslogFramer under fuzzed streams', () => {
  it('never throws, never holds more than the limit, and loses no intact octet-counted frame before damage', () => {
    const random = seededRandom(SEED ^ 0xf4a3e);
    const max = 512;
    for (let iteration = 0; iteration < ITERATIONS / 10; iteration++) {
      const messages = Array.from({ length: random.between(1, 20) }, () => random.pick(SAMPLES));
      const counted = random.chance(0.5);
      const clean = Buffer.from(messages.map((message) => (counted ? `${Buffer.byteLength(message)} ${message}` : `${message}\n`)).join(''));
      const damaged = random.chance(0.7);
      const stream = damaged ? Buffer.from(mutate(clean.toString('latin1'), random), 'latin1') : clean;
      const framer = new SyslogFramer({ maxFrameBytes: max });
      const frames = [];
      let at = 0;
      while (at < stream.length) {
        const size = random.between(1, 300);
        frames.push(...framer.push(stream.subarray(at, at + size)));
        at += size;
      }
      frames.push(...framer.flush());
      const label = `seed ${SEED}, iteration ${iteration}`;
      for (const frame of frames) if ('message' in frame) expect(Buffer.byteLength(frame.message), label).toBeLessThanOrEqual(max * 3);
      if (!damaged) expect(frames, label).toEqual(messages.map((message) => ({ message })));
      // Reports come per frame, never per byte.
      expect(frames.length, label).toBeLessThanOrEqual(stream.length / 2 + 2);
    }
  });
});
