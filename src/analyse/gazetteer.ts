/**
 * A longest-match dictionary automaton over the normalised text: every
 * surface form of the lexicon (names, aliases, surnames, titles, places,
 * organisations) found in one left-to-right pass. It is the fast first
 * look at a document that decides whether, and where, the slower
 * morphological analysis is worth running.
 */

interface TrieNode {
  next: Map<number, TrieNode>;
  /** Set on nodes that end a surface form. */
  value?: unknown;
}

export interface GazetteerMatch<T> {
  start: number;
  end: number;
  surface: string;
  value: T;
}

/** A katakana letter or the long-vowel mark (a UTF-16 unit): foreign names are written in them. */
export const isKatakana = (c: number) => (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;

export class Gazetteer<T> {
  /**
   * @param knownWordsTouch whether two katakana words it knows may be read where they touch
   *   (ゼレンスキーウクライナ大統領: names, where a reading in brackets was dropped between them); the
   *   trigger words' automaton keeps every katakana word whole (サミットフォーラム is one name).
   */
  constructor(private readonly knownWordsTouch = false) {}

  private readonly root: TrieNode = { next: new Map() };
  private size_ = 0;
  /** The UTF-16 units that start a surface form: most characters of a text do not, and are passed over. */
  private readonly starts = new Uint8Array(65536);

  /** Adds a surface form; a form added twice keeps the last value. */
  add(surface: string, value: T): void {
    if (surface.length > 0) this.starts[surface.charCodeAt(0)] = 1;
    let node = this.root;
    for (let i = 0; i < surface.length; i++) {
      const c = surface.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    if (node.value === undefined) this.size_++;
    node.value = value;
  }

  get size(): number {
    return this.size_;
  }

  /**
   * Leftmost-longest matches that do not overlap. A match may not cut a
   * katakana word: `トランプ` is not found inside `トランプカード`.
   */
  findAll(text: string, from = 0, to = text.length): GazetteerMatch<T>[] {
    const out: GazetteerMatch<T>[] = [];
    let i = from;
    let prevEnd = -1;
    const starts = this.starts;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (starts[c] === 0) {
        i++;
        continue;
      }
      const first = this.root.next.get(c);
      if (!first) {
        i++;
        continue;
      }
      let node: TrieNode | undefined = first;
      let j = i + 1;
      let bestEnd = -1;
      let bestValue: unknown;
      while (node) {
        if (node.value !== undefined && this.boundaryOk(text, i, j, to, prevEnd)) {
          bestEnd = j;
          bestValue = node.value;
        }
        if (j >= to) break;
        node = node.next.get(text.charCodeAt(j));
        j++;
      }
      if (bestEnd > 0) {
        out.push({ start: i, end: bestEnd, surface: text.slice(i, bestEnd), value: bestValue as T });
        i = bestEnd;
        prevEnd = bestEnd;
      } else i++;
    }
    return out;
  }

  private boundaryOk(text: string, start: number, end: number, to: number, prevEnd: number): boolean {
    if (
      isKatakana(text.charCodeAt(start)) &&
      start > 0 &&
      isKatakana(text.charCodeAt(start - 1)) &&
      !(this.knownWordsTouch && start === prevEnd)
    )
      return false;
    // (but two words it knows may touch, where it reads them so: ゼレンスキー（Zelensky）ウクライナ大統領)
    if (isKatakana(text.charCodeAt(end - 1)) && end < to && isKatakana(text.charCodeAt(end)))
      return this.knownWordsTouch && this.wordAt(text, end, to);
    return true;
  }

  /** Whether a whole katakana word the automaton knows starts at `start` (one not cut off by more katakana). */
  private wordAt(text: string, start: number, to: number): boolean {
    let node = this.root.next.get(text.charCodeAt(start));
    for (let j = start + 1; node; j++) {
      if (node.value !== undefined && (j >= to || !isKatakana(text.charCodeAt(j)))) return true;
      if (j >= to) return false;
      node = node.next.get(text.charCodeAt(j));
    }
    return false;
  }
}
