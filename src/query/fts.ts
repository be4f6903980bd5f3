/**
 * Substrings through a trigram index (FTS5 with `tokenize = 'trigram'`):
 * a term of three characters or more is a quoted phrase matched by the
 * index; a shorter one is read from the index's vocabulary (an fts5vocab
 * table of kind 'instance') as the prefix of the trigrams that start with
 * it. Indexed texts end with two line feeds so that a short term at the very
 * end still starts a trigram. The index folds case: what it finds is a
 * superset for case-sensitive callers to check.
 */

/** Length in characters (code points), as the trigram tokenizer counts. */
export const charLength = (s: string): number => [...s].length;

/** An FTS5 string: a phrase in double quotes, its quotes doubled; it matches the substring exactly. */
export const phrase = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * A subquery giving the rowids of the indexed texts that contain `term`, with its arguments: `index` is the
 * FTS5 table, `vocabulary` its instance vocabulary.
 */
export function rowsContaining(
  index: string,
  vocabulary: string,
  term: string,
): { sql: string; args: string[] } {
  if (charLength(term) >= 3)
    return { sql: `SELECT rowid FROM ${index} WHERE ${index} MATCH ?`, args: [phrase(term)] };
  const key = term.toLowerCase();
  return {
    sql: `SELECT DISTINCT doc FROM ${vocabulary} WHERE term >= ? AND term < ?`,
    args: [key, `${key}\u{10FFFF}`],
  };
}
