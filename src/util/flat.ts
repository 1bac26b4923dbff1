/**
 * The same string, stored flat. Strings built by many `+=` and template concatenations (our page
 * templates, d3-geo's path strings) are ropes: a tree of small pieces, about 5× the memory of their
 * text. Strings kept for long — every page's output, which Eleventy holds until the build ends, and
 * the maps' cached paths — are flattened first. `indexOf` makes V8 flatten a rope in place (no copy
 * is kept); elsewhere it is a harmless search.
 */
export function flat(text: string): string {
  void text.indexOf("\u0000");
  return text;
}
