/**
 * `list.sort(compare)` (stable), skipped when the list is in order already, as mentions, spans and
 * the site index's claim lists mostly are: the sort would leave it as it is, but copies it into a
 * work area first.
 */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1]!, list[i]!) > 0) {
      list.sort(compare);
      return;
    }
  }
}
