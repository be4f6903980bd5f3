/**
 * Normalisation of Japanese news text for analysis. The raw body is never
 * changed; this builds the normalised copy and its offset map:
 *
 * 1. character level — NFKC per grapheme cluster (full-width ASCII and
 *    digits, half-width katakana with their sound marks), one kind of
 *    middle dot `・`, one hyphen `-` for the dash family, one `~`, spaces
 *    for the space family, no zero-width characters, `\n` for line breaks;
 * 2. line level — lines of hard-wrapped wire copy are joined, and reading
 *    glosses are dropped (`クムスサン(錦繍山)迎賓館` reads as `クムスサン迎賓館`,
 *    `新疆(しんきょう)` as `新疆`), so that names and dates are seen whole.
 */
import { deleteRanges, type OffsetText, OffsetTextBuilder, type Span } from "./offset-text.js";

const MIDDLE_DOTS = /[\u00B7\u2027\u2219\u22C5\u30FB\uFF65\u0387]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const TILDES = /[\u301C\uFF5E\u223C]/g;
const SMALL_KA = /\u30F5/g;
const SMALL_KE = /\u30F6/g;
const SPACES = /[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Marks that belong to the preceding character and must be normalised with it. */
const COMBINING = /^(?:\p{M}|\uFF9E|\uFF9F|[\uFE00-\uFE0F])$/u;

function normaliseCluster(cluster: string): string {
  return (
    cluster
      .normalize("NFKC")
      .replace(MIDDLE_DOTS, "・")
      .replace(DASHES, "-")
      .replace(TILDES, "~")
      // the small counters ヵ and ヶ (6ヵ国, 3ヶ月) are written as カ and ケ
      .replace(SMALL_KA, "カ")
      .replace(SMALL_KE, "ケ")
      .replace(SPACES, " ")
      .replace(ZERO_WIDTH, "")
  );
}

/**
 * What each UTF-16 unit is, learnt on first sight: 1 when it is its own
 * normal form alone (most kana, kanji and ASCII), 2 when it may combine with
 * the character before it (marks, half-width sound marks, variation
 * selectors, and high surrogates, which may start a supplementary mark), 3
 * otherwise; 0 until seen.
 */
const UNIT_KIND = new Uint8Array(65536);

function unitKind(c: number): number {
  let k = UNIT_KIND[c]!;
  if (k === 0) {
    const s = String.fromCharCode(c);
    if (c >= 0xd800 && c <= 0xdbff) k = 2;
    else if (c >= 0xdc00 && c <= 0xdfff) k = 3;
    else if (COMBINING.test(s)) k = 2;
    // \r is joined with a following \n below
    else k = c !== 0x0d && normaliseCluster(s) === s ? 1 : 3;
    UNIT_KIND[c] = k;
  }
  return k;
}

/**
 * ， ends a clause in official and academic Japanese (外務省: 本10日午後6時30分から約30分間，総理大臣官邸において，…)
 * as 、 does in the press, and is read as 、; NFKC would make it an ASCII comma. Between digits it groups
 * thousands (１，０００人) and is left to NFKC.
 */
const FULL_WIDTH_COMMA = 0xff0c;
const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const betweenDigits = (raw: string, i: number) =>
  i > 0 && isDigit(raw.charCodeAt(i - 1)) && isDigit(raw.charCodeAt(i + 1));

/** Step 1: character-level normalisation of the whole raw text. */
export function normaliseCharacters(raw: string): OffsetText {
  const b = new OffsetTextBuilder(raw);
  let i = 0;
  // a run of characters that are their own normal form is copied as it is
  let run = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (unitKind(c) === 1 && (i + 1 >= raw.length || unitKind(raw.charCodeAt(i + 1)) !== 2)) {
      i++;
      continue;
    }
    b.copy(run, i);
    if (c === 0x0d) {
      // \r\n and a lone \r both become one \n
      const to = raw.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      b.push("\n", i, to);
      i = to;
      run = i;
      continue;
    }
    let end = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < raw.length ? 2 : 1);
    while (end < raw.length) {
      const cp = raw.codePointAt(end)!;
      const ch = String.fromCodePoint(cp);
      if (!COMBINING.test(ch)) break;
      end += ch.length;
    }
    const cluster = raw.slice(i, end);
    if (c === FULL_WIDTH_COMMA && !betweenDigits(raw, i)) b.push("、", i, end);
    // ASCII needs no work: keep the hot path cheap
    else b.push(end - i === 1 && c < 0x80 && c !== 0x09 ? cluster : normaliseCluster(cluster), i, end);
    i = end;
    run = i;
  }
  b.copy(run, raw.length);
  return b.build();
}

const SENTENCE_END = /[。.!?」』)]$/;

/**
 * Finds the line breaks of hard-wrapped text (wire copy wrapped at a fixed
 * width): when many lines share one length, a full-width line that does not
 * end a sentence continues on the next line.
 */
export function hardWrapBreaks(text: string): Span[] {
  const lines: { start: number; end: number }[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf("\n", from);
    lines.push({ start: from, end: nl < 0 ? text.length : nl });
    if (nl < 0) break;
    from = nl + 1;
  }
  const counts = new Map<number, number>();
  let nonEmpty = 0;
  for (const l of lines) {
    const len = l.end - l.start;
    if (len === 0) continue;
    nonEmpty++;
    counts.set(len, (counts.get(len) ?? 0) + 1);
  }
  let width = 0;
  let best = 0;
  for (const [len, n] of counts) {
    if (len >= 15 && (n > best || (n === best && len > width))) {
      best = n;
      width = len;
    }
  }
  const full = (len: number) => len >= width - 1 && len <= width + 1;
  const fullLines = lines.filter((l) => full(l.end - l.start)).length;
  if (width === 0 || fullLines < 3 || fullLines < nonEmpty * 0.3) return [];
  const breaks: Span[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const l = lines[k]!;
    const next = lines[k + 1]!;
    const line = text.slice(l.start, l.end);
    if (!full(line.length) || next.end === next.start) continue;
    if (SENTENCE_END.test(line)) continue;
    breaks.push({ start: l.end, end: l.end + 1 });
  }
  return breaks;
}

const KATAKANA_WORD_BEFORE = /[\u30A1-\u30FA\u30FC]{2}$/;
const KANJI_BEFORE = /[\u4E00-\u9FFF\u3400-\u4DBF々]$/;
const KANJI_GLOSS = /^\(([\u4E00-\u9FFF\u3400-\u4DBF々・]{1,8})\)/;
const KANA_GLOSS = /^\(([\u3041-\u3096\u30A1-\u30FA\u30FC]{1,12})\)/;
/** A name in Latin letters, each word capitalised (Joe Biden, Nusa Dua; not an acronym such as APEC). */
const LATIN_GLOSS = /^\((?:[A-Z][a-z]+(?:[ '-](?=[A-Za-z]))?){1,5}\)/;
const NAME_BEFORE = /[\u30A1-\u30FA\u30FC\u4E00-\u9FFF\u3400-\u4DBF々]$/;

/**
 * Finds reading glosses: a kanji spelling in parentheses right after a
 * katakana name (`キム・ジョンウン(金正恩)`), a kana reading in parentheses
 * right after kanji (`新疆(しんきょう)`), or the name in Latin letters after
 * either (`バリ(Bali)島`, `習近平(Xi Jinping)国家主席`). All repeat what precedes them.
 */
export function readingGlosses(text: string): Span[] {
  const spans: Span[] = [];
  let at = text.indexOf("(");
  while (at >= 0) {
    const before = text.slice(Math.max(0, at - 4), at);
    const rest = text.slice(at, at + 16);
    const m =
      (KATAKANA_WORD_BEFORE.test(before)
        ? KANJI_GLOSS.exec(rest)
        : KANJI_BEFORE.test(before)
          ? KANA_GLOSS.exec(rest)
          : null) ?? (NAME_BEFORE.test(before) ? LATIN_GLOSS.exec(text.slice(at, at + 40)) : null);
    if (m) spans.push({ start: at, end: at + m[0].length });
    at = text.indexOf("(", at + 1);
  }
  return spans;
}

/** The full normalisation: characters, then hard wraps and reading glosses. */
export function normalise(raw: string): OffsetText {
  const chars = normaliseCharacters(raw);
  const joined = deleteRanges(chars, hardWrapBreaks(chars.text));
  return deleteRanges(joined, readingGlosses(joined.text));
}
