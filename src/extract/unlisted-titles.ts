/**
 * Titles the lexicon does not list, told by the word they end on (stopwords.yaml's `title_endings`):
 * 王毅政治局委員は, 楊潔篪中央外事工作委員会弁公室主任と, 外務省の伊原純一アジア大洋州局長, 国防委員会第1副委員長
 * (the words before may hold a number).
 */
import type { Lexicon } from "../lexicon/lexicon.js";

export interface UnlistedTitles {
  /** A title after a name, ending at its first title word (政治局委員, not 政治局委員会…). */
  shortest: RegExp;
  /** The same, ending at its last title word (同市党委員会書記, not 同市党委員). */
  longest: RegExp;
  /** A title after a name the lexicon lacks, in kanji or katakana, ending where the kanji do. */
  afterName: RegExp;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Built once per lexicon: the lists are the lexicon's data, read once per process. */
const built = new WeakMap<Lexicon, UnlistedTitles>();

export function unlistedTitles(lex: Lexicon): UnlistedTitles {
  let titles = built.get(lex);
  if (!titles) {
    // (a lexicon with no title endings matches no unlisted title)
    const word = lex.data.titleEndings.length ? `(?:${lex.data.titleEndings.map(escape).join("|")})` : "(?!)";
    titles = {
      shortest: new RegExp(`^[\\u4E00-\\u9FFF0-9]{0,12}?${word}`),
      longest: new RegExp(`^[\\u4E00-\\u9FFF0-9]{0,12}${word}`),
      afterName: new RegExp(`^[\\u30A1-\\u30FA\\u30FC\\u4E00-\\u9FFF0-9]{0,12}?${word}(?![\\u4E00-\\u9FFF])`),
    };
    built.set(lex, titles);
  }
  return titles;
}
