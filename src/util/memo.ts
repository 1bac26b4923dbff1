/**
 * A string-keyed function that remembers its recent results. Names and words repeat across
 * mentions and articles; the memory is bounded (it starts over after `limit` keys), so a long
 * build or a dev server never grows it without end.
 */
export function memoize<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      cache.set(key, (value = compute(key)));
    }
    return value;
  };
}
