/**
 * Morphological analysis with kuromoji (IPADIC), through @patdx/kuromoji.
 *
 * The dictionary (≈ 0.7 s, ≈ 400 MB) is loaded once per process, lazily, on
 * the first call that needs it; callers analyse only the sentences that can
 * carry an event or a quotation.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as kuromoji from "@patdx/kuromoji";
import NodeDictionaryLoader from "@patdx/kuromoji/node";
import { LatticeTokenizer } from "./lattice.js";

export interface Token {
  /** Span in the text given to {@link Analyser.tokenize}, UTF-16, end exclusive. */
  start: number;
  end: number;
  surface: string;
  /** 品詞 and its sub-classes, e.g. 名詞 / 固有名詞 / 人名 / 姓. */
  pos: string;
  pos1: string;
  pos2: string;
  pos3: string;
  /** Dictionary form (会談し → 会談, し → する); the surface for unknown words. */
  lemma: string;
  known: boolean;
}

type KuromojiTokenizer = Awaited<ReturnType<kuromoji.TokenizerBuilder["build"]>>;

/**
 * kuromoji reports `word_position` as a 1-based index in code points. This
 * converts it to a 0-based UTF-16 index into the same string; `table` is
 * built once per string by {@link codePointTable}.
 */
export function codePointToUtf16(table: Int32Array, wordPosition: number): number {
  const i = wordPosition - 1;
  if (i < 0 || i >= table.length) throw new RangeError(`word position ${wordPosition} outside the text`);
  return table[i]!;
}

/** For each code point of `s` (plus one past the end), its UTF-16 index. */
export function codePointTable(s: string): Int32Array {
  const table: number[] = [];
  for (let i = 0; i < s.length;) {
    table.push(i);
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  table.push(s.length);
  return Int32Array.from(table);
}

let loading: Promise<KuromojiTokenizer> | null = null;
let loaded: KuromojiTokenizer | null = null;
let lattice: LatticeTokenizer | null = null;

function dictionaryPath(): string {
  // the package exports only its modules; its dictionary sits beside build/
  const entry = fileURLToPath(import.meta.resolve("@patdx/kuromoji"));
  return `${join(dirname(dirname(entry)), "dict")}/`;
}

/** Loads the dictionary once; later calls return the same tokenizer. */
export async function loadAnalyser(): Promise<Analyser> {
  if (!loaded) {
    loading ??= new kuromoji.TokenizerBuilder({
      loader: new NodeDictionaryLoader({ dic_path: dictionaryPath() }),
    }).build();
    loaded = await loading;
  }
  lattice ??= new LatticeTokenizer(loaded as unknown as ConstructorParameters<typeof LatticeTokenizer>[0]);
  return new Analyser(loaded, lattice);
}

/** Whether the dictionary has been loaded in this process (for progress messages and tests). */
export const analyserLoaded = () => loaded !== null;

export class Analyser {
  /**
   * The kuromoji tokenizer, shared by every Analyser of the process, and the
   * same search over its dictionary without kuromoji's per-character costs
   * (src/analyse/lattice.ts), which gives the same tokens.
   */
  constructor(
    readonly engine: KuromojiTokenizer,
    private readonly lattice: LatticeTokenizer = new LatticeTokenizer(
      engine as unknown as ConstructorParameters<typeof LatticeTokenizer>[0],
    ),
  ) {}

  /** Tokens of `text`, their spans shifted by `offset` (where the text starts in a longer one). */
  tokenize(text: string, offset = 0): Token[] {
    // without surrogate pairs a code point position is a UTF-16 index
    const table = /[\uD800-\uDFFF]/.test(text) ? codePointTable(text) : null;
    const out: Token[] = [];
    let cursor = 0;
    for (const t of this.lattice.tokenize(text)) {
      let start: number;
      if (table) start = codePointToUtf16(table, t.word_position);
      else {
        start = t.word_position - 1;
        if (start < 0 || start > text.length)
          throw new RangeError(`word position ${t.word_position} outside the text`);
      }
      const surface = t.surface_form;
      // kuromoji misplaces the token after a grouped run of symbols (「)、」 makes the next
      // token start one position early): the surface, found from the cursor, is the truth
      if (!text.startsWith(surface, start)) {
        const found = text.indexOf(surface, cursor);
        if (found >= 0) start = found;
      }
      cursor = start + surface.length;
      out.push({
        start: start + offset,
        end: cursor + offset,
        surface,
        pos: t.pos,
        pos1: t.pos_detail_1,
        pos2: t.pos_detail_2,
        pos3: t.pos_detail_3,
        lemma: t.basic_form === "*" ? surface : t.basic_form,
        known: t.word_type === "KNOWN",
      });
    }
    return out;
  }
}
