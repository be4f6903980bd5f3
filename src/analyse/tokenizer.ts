/**
 * Morphological analysis with kuromoji (IPADIC), through @patdx/kuromoji.
 *
 * The dictionary (≈ 0.7 s, ≈ 400 MB) is loaded once per process, lazily, on
 * the first call that needs it; analysis worker threads build their
 * tokenizers on the bytes the parent thread decompressed, in shared memory.
 * Callers analyse only the sentences that can carry an event or a quotation.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
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

/** The dictionary's files, decompressed, in memory that threads share. */
export type SharedDictionary = Record<string, SharedArrayBuffer>;

let sharedFiles: Promise<SharedDictionary> | null = null;
let sharedGiven: SharedDictionary | null = null;

/**
 * The dictionary's files decompressed once per process into shared memory:
 * analysis worker threads build their tokenizers on these bytes instead of
 * reading and decompressing the files each (src/pipeline/parallel.ts).
 */
export function sharedDictionary(): Promise<SharedDictionary> {
  if (sharedGiven) return Promise.resolve(sharedGiven);
  sharedFiles ??= (async () => {
    const out: SharedDictionary = {};
    // one file at a time, so that no more than one file's bytes are held twice
    for (const f of DICTIONARY_FILES) {
      const bytes = gunzipSync(await readFile(join(dictionaryPath(), f)));
      const shared = new SharedArrayBuffer(bytes.byteLength);
      new Uint8Array(shared).set(bytes);
      out[f] = shared;
    }
    return out;
  })();
  return sharedFiles;
}

/** Builds this thread's tokenizer on a dictionary another thread decompressed (before the first analysis). */
export function useSharedDictionary(files: SharedDictionary): void {
  sharedGiven = files;
}

const DICTIONARY_FILES = [
  "base.dat.gz",
  "check.dat.gz",
  "tid.dat.gz",
  "tid_pos.dat.gz",
  "tid_map.dat.gz",
  "cc.dat.gz",
  "unk.dat.gz",
  "unk_pos.dat.gz",
  "unk_map.dat.gz",
  "unk_char.dat.gz",
  "unk_compat.dat.gz",
  "unk_invoke.dat.gz",
];

/** Loads the dictionary once; later calls return the same tokenizer. */
export async function loadAnalyser(): Promise<Analyser> {
  if (!loaded) {
    const given = sharedGiven ?? (sharedFiles ? await sharedFiles : null);
    const loader = given
      ? {
          loadArrayBuffer: (f: string) => {
            const b = given[f];
            return b
              ? Promise.resolve(b as unknown as ArrayBuffer)
              : Promise.reject(new Error(`no dictionary file ${f}`));
          },
        }
      : new NodeDictionaryLoader({ dic_path: dictionaryPath() });
    loading ??= new kuromoji.TokenizerBuilder({ loader }).build();
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
