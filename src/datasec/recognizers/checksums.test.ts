import { describe, expect, it } from 'vitest';
import { ibanCheckDigits, ibanMod97, luhnCheckDigit, luhnValid, organisationCodeCheckCharacter, residentIdCheckCharacter, usccCheckCharacter } from './checksums.js';

describe('check-digit algorithms, pinned to published examples', () => {
  it('MOD 11-2 gives X for the regulations.md resident ID 11010519491231002X', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });
  it('GB 32100 and GB 11714 accept both regulations.md USCC examples', () => {
    for (const code of ['91440300708461136T', '914403001922038216']) {
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
      expect(organisationCodeCheckCharacter(code.slice(8, 16))).toBe(code[16]);
    }
  });
  it('Luhn accepts the standard test cards and completes a body', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnCheckDigit('411111111111111')).toBe('1');
  });
  it('mod-97 accepts the ISO 13616 examples and computes their check digits', () => {
    expect(ibanMod97('GB82WEST12345698765432')).toBe(1);
    expect(ibanMod97('DE89370400440532013000')).toBe(1);
    expect(ibanCheckDigits('GB', 'WEST12345698765432')).toBe('82');
  });
});

describe('check-digit algorithms on what is not an identifier', () => {
  it('Luhn is false for empty text and for any non-digit, wherever it stands', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('x4111111111111111')).toBe(false);
    expect(luhnValid('４１１１')).toBe(false);
  });
  it('the organisation code has no check character when a character is neither a digit nor a capital, or missing', () => {
    expect(organisationCodeCheckCharacter('7084611a')).toBeUndefined();
    expect(organisationCodeCheckCharacter('7084611')).toBeUndefined();
    expect(organisationCodeCheckCharacter('MA000000')).toMatch(/^[0-9X]$/);
  });
  it('GB 32100 has no check character when a character is outside its alphabet, or missing', () => {
    expect(usccCheckCharacter('91440300708461136')).toBe('T');
    expect(usccCheckCharacter('9144030070846113I')).toBeUndefined();
    expect(usccCheckCharacter('9144030070846113t')).toBeUndefined();
    expect(usccCheckCharacter('9144030070846113')).toBeUndefined();
    expect(usccCheckCharacter('9144030070846113１')).toBeUndefined();
  });
  it('mod-97 counts a capital as two digits (A = 10) and gives the same for other text as digit by digit', () => {
    // ISO 13616: "AB00" at the end reads 10 11 0 0.
    expect(ibanMod97('AB001')).toBe(Number('1101100') % 97);
    // Lower case is outside an IBAN's alphabet: each character's value (a - 55 = 42) is read as digits.
    expect(ibanMod97('ab001')).toBe(Number('1424300') % 97);
  });
});

