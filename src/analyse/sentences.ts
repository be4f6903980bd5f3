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

const OPEN = new Set(["「", "『", "(", "[", "【", "〈", "《", "“"]);
const CLOSE = new Set(["」", "』", ")", "]", "】", "〉", "》", "”"]);
const FINAL = new Set(["。", "!", "?", "．"]);

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  let start = 0;
  let depth = 0;
  const emit = (from: number, to: number, atLineEnd: boolean) => {
    let s = from;
    let e = to;
    while (s < e && text[s] === " ") s++;
    while (e > s && text[e - 1] === " ") e--;
    if (e <= s) return;
    const whole = s - lineStart <= 1 && atLineEnd;
    const headline = whole && !FINAL.has(text[e - 1]!) && text[e - 1] !== "」";
    out.push({ index: out.length, start: s, end: e, paragraph, headline });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      emit(start, i, true);
      start = i + 1;
      lineStart = i + 1;
      depth = 0;
      if (i > 0 && text[i - 1] !== "\n") paragraph++;
      continue;
    }
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && FINAL.has(c)) {
      let end = i + 1;
      // keep a run of final marks together (?! or 。。)
      while (end < text.length && FINAL.has(text[end]!)) end++;
      emit(start, end, end >= text.length || text[end] === "\n");
      start = end;
      i = end - 1;
    }
  }
  emit(start, text.length, true);
  return out;
}
