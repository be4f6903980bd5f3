/**
 * Sentence splitting for Japanese news text (on the normalised text).
 *
 * A sentence ends at 。 ! ? outside brackets, and at every line break:
 * headlines, captions and list items stand on their own line without a
 * full stop. Quotations 「…」 『…』 and parentheses keep their inner full
 * stops (「…した。…だ」と述べた is one sentence); an unclosed bracket is
 * forgotten at the end of its line so that it cannot swallow the article.
 */

export interface Sentence {
  /** Position in the document, from 0. */
  index: number;
  /** Span in the normalised text. */
  start: number;
  end: number;
  /** Lines are paragraphs; quotations are attributed within a paragraph. */
  paragraph: number;
  /** A whole line without a final full stop: a headline, caption or label. */
  headline: boolean;
}

/** What a character does to a sentence: opens or closes a bracket, ends the sentence, or nothing. */
const enum Role {
  None,
  Open,
  Close,
  Final,
}

// by character code rather than by one-character string: the splitter reads every character of every
// document, and a string made per character (and looked up in a Set) cost a twentieth of ingesting news
const ROLES = new Uint8Array(0x10000);
for (const c of "「『([【〈《“") ROLES[c.charCodeAt(0)] = Role.Open;
for (const c of "」』)]】〉》”") ROLES[c.charCodeAt(0)] = Role.Close;
for (const c of "。!?．") ROLES[c.charCodeAt(0)] = Role.Final;
const roleOf = (code: number): Role => ROLES[code]!;
const isFinal = (code: number) => roleOf(code) === Role.Final;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const CLOSE_QUOTE = "」".charCodeAt(0);

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  let start = 0;
  let depth = 0;
  const emit = (from: number, to: number, atLineEnd: boolean) => {
    let s = from;
    let e = to;
    while (s < e && text.charCodeAt(s) === SPACE) s++;
    while (e > s && text.charCodeAt(e - 1) === SPACE) e--;
    if (e <= s) return;
    const whole = s - lineStart <= 1 && atLineEnd;
    const last = text.charCodeAt(e - 1);
    const headline = whole && !isFinal(last) && last !== CLOSE_QUOTE;
    out.push({ index: out.length, start: s, end: e, paragraph, headline });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      emit(start, i, true);
      start = i + 1;
      lineStart = i + 1;
      depth = 0;
      if (i > 0 && text.charCodeAt(i - 1) !== NEWLINE) paragraph++;
      continue;
    }
    const role = roleOf(c);
    if (role === Role.None) continue;
    if (role === Role.Open) depth++;
    else if (role === Role.Close) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      let end = i + 1;
      // keep a run of final marks together (?! or 。。)
      while (end < text.length && isFinal(text.charCodeAt(end))) end++;
      emit(start, end, end >= text.length || text.charCodeAt(end) === NEWLINE);
      start = end;
      i = end - 1;
    }
  }
  emit(start, text.length, true);
  return out;
}
