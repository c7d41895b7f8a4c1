/**
 * Words of a person's name as the search index holds them: lower-cased (Norwegian rules), split on spaces and
 * hyphens, each once. "Kari Nordmann-Hansen" → kari, nordmann, hansen. A search matches when every word typed
 * is the beginning of one of these words ("nord han" finds her; "mann" does not).
 */
export function nameSearchWords(text: string): string[] {
  return [
    ...new Set(
      text
        .toLocaleLowerCase('nb')
        .split(/[\s\-–]+/)
        .filter((w) => w.length > 0),
    ),
  ];
}

/** The exclusive upper bound of a prefix range: every string starting with `prefix` sorts below it. */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\uffff`;
}
