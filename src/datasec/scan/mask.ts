// Masked samples: enough of a value for a person to recognise what kind of data it is, never the value.
// Identifiers, phones and cards keep their first 3 and last 2 characters; shorter values keep less;
// e-mail addresses keep the first character of the local part and the domain (a***@example.com).
import type { Category } from '../recognizers/recognizer.js';

export function maskValue(category: Category, value: string): string {
  if (category === 'email') {
    const at = value.lastIndexOf('@');
    if (at > 0) return `${value.slice(0, 1)}***${value.slice(at)}`;
  }
  const characters = Array.from(value);
  const length = characters.length;
  // Never more than half of the characters shown: 3 + 2 from 10 characters up, 1 + 1 from 4.
  const [head, tail] = length >= 10 ? [3, 2] : length >= 4 ? [1, 1] : [0, 0];
  return characters.map((character, index) => (index < head || index >= length - tail ? character : '*')).join('');
}
