// Check-digit algorithms of the identifiers (formats in ../shared/reference/regulations.md, section 6).
// Shared by the recognizers and the corpus generator, which builds valid identifiers with them; the
// unit tests pin each one to the published valid examples.

/** Luhn (ISO/IEC 7812-1) over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit that completes `body`. */
export function luhnCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(body + digit)) return String(digit);
  throw new Error('unreachable: one Luhn digit always fits');
}

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID (GB 11643). */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * RESIDENT_ID_WEIGHTS[i];
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** GB 32100 alphabet: digits and capitals without I, O, S, V, Z; a character's value is its index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Each character's value in USCC_ALPHABET by its code; -1 for a character outside it. */
const USCC_VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < USCC_ALPHABET.length; value++) USCC_VALUES[USCC_ALPHABET.charCodeAt(value)] = value;

/** The 18th character of a unified social credit code from its first 17 (GB 32100-2015). */
export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = first17.charCodeAt(i);
    // A missing character (NaN) or one past ASCII is outside the alphabet.
    const value = code < 128 ? USCC_VALUES[code] : -1;
    if (!(value >= 0)) return undefined;
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 9th character of an organisation code from its first 8 (GB 11714): letters count as 10 upward. */
export function organisationCodeCheckCharacter(first8: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    // A digit is its value, a capital 10 upward (A = 65 - 55); anything else (or a missing character) none.
    const code = first8.charCodeAt(i);
    const value = code >= 48 && code <= 57 ? code - 48 : code >= 65 && code <= 90 ? code - 55 : -1;
    if (value < 0) return undefined;
    sum += value * ORGANISATION_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** ISO 13616 mod-97 over an IBAN without spaces: the first four characters moved to the end, letters as 10–35. */
export function ibanMod97(iban: string): number {
  // Digits and capitals, which is all an IBAN holds, by their codes (a capital's value has two digits),
  // read in the rearranged order where they stand (the fifth character on, then the first four) rather
  // than from a rearranged copy, which is joined from two pieces and flattened when read. Anything else
  // by the general rule below.
  if (isDigitsAndCapitals(iban)) {
    const moved = Math.min(4, iban.length);
    let remainder = 0;
    for (let k = 0; k < iban.length; k++) {
      const at = k + moved;
      const code = iban.charCodeAt(at < iban.length ? at : at - iban.length);
      if (code <= 57) remainder = (remainder * 10 + code - 48) % 97;
      else remainder = (remainder * 100 + code - 55) % 97;
    }
    return remainder;
  }
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Whether every character of `text` is an ASCII digit or capital. */
function isDigitsAndCapitals(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) return false;
  }
  return true;
}

/** The two check digits of an IBAN from its country code and BBAN. */
export function ibanCheckDigits(country: string, bban: string): string {
  return String(98 - ibanMod97(`${country}00${bban}`)).padStart(2, '0');
}
