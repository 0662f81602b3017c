// Exact identifiers for tests that need to name the value they expect (the corpus generator draws
// random ones): resident IDs by serial number, card numbers that fail Luhn, and the long-value mask as
// the docs state it, written here apart from mask.ts so the tests check that code rather than repeat it.
import { luhnCheckDigit, residentIdCheckCharacter } from '../src/datasec/recognizers/checksums.js';

/** A valid resident ID: region and birth date (the first 14 characters), a 3-digit serial, its check character. */
export function residentIdFor(serial: number, regionAndBirthDate = '44030619900101'): string {
  const first17 = `${regionAndBirthDate}${String(serial).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** `body` and a last digit that fails Luhn: a UnionPay-shaped number is a bank card only after a bank-card word. */
export function failingLuhn(body: string): string {
  return body + String((Number(luhnCheckDigit(body)) + 1) % 10);
}

/** A value of 10 characters or more as samples show it: the first 3 and the last 2. */
export function maskedLong(value: string): string {
  return value.slice(0, 3) + '*'.repeat(value.length - 5) + value.slice(-2);
}
