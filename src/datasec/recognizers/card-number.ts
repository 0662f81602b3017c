// The written forms of a payment card number, shared by the bank-card and credit-card recognizers:
// one digit run, or groups of four (the last group shorter) joined by one kind of separator, or the
// 4-6-5 / 4-6-4 grouping of American Express and Diners Club.

import { NUMBER_END, START } from './boundaries.js';

export const CARD_PATTERN = new RegExp(
  `${START}(?:[0-9]{13,19}|[0-9]{4}([ -])[0-9]{4}\\1[0-9]{4}\\1[0-9]{1,4}(?:\\1[0-9]{1,4})?|[0-9]{4}([ -])[0-9]{6}\\2[0-9]{4,5})${NUMBER_END}`,
  'g',
);
