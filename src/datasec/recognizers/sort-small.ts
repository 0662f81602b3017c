// Sorting the few findings of one text. Array.prototype.sort costs a fixed setup of about a tenth of a
// microsecond, more than sorting two or three items takes; `recognize` sorts twice per text with two
// findings or more (a tenth of the identifier-dense lines' time went to it).

/**
 * Sorts `items` in place by `compare`, as Array.prototype.sort does (stable: items comparing equal keep
 * their order), and returns it. Insertion sort for the handful of findings a text has; a longer list
 * (a long text's window full of numbers) is left to Array.prototype.sort, as insertion sort is quadratic.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > SMALL) return items.sort(compare);
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    while (j >= 0 && compare(items[j], item) > 0) {
      items[j + 1] = items[j];
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

/** Up to this many items, insertion sort. */
const SMALL = 16;
