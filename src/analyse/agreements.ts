/**
 * The nouns that end the name of an agreement or a diplomatic document
 * (triggers.yaml's `documents`: 日ソ共同宣言, 平和友好条約, 了解覚書), made into
 * patterns: read where events name what was signed, and where a bracketed
 * name is told from a quotation.
 */
export interface DocumentNouns {
  /** The nouns as a regular-expression alternation, longest first. */
  alternation: string;
  /** Whether a phrase ends in one of them, and so names a document (共同声明, 日英部隊間協力円滑化協定). */
  endsName: RegExp;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function documentNouns(nouns: readonly string[]): DocumentNouns {
  const words = [...new Set(nouns)].sort((a, b) => b.length - a.length).map(escape);
  // no noun at all matches nothing (an empty alternation would match everywhere)
  const alternation = words.length > 0 ? words.join("|") : "(?!)";
  return { alternation, endsName: new RegExp(`(?:${alternation})$`) };
}
