/**
 * kuromoji's Viterbi lattice, over kuromoji's own loaded dictionary, without
 * its per-character costs.
 *
 * kuromoji (`Tokenizer.tokenize`) builds each lattice by taking, at every
 * position, the rest of the text as a new string, encoding it to UTF-8 and
 * wrapping it again for surrogates (quadratic in the length of a chunk), and
 * decodes every token's features from the dictionary's bytes each time the
 * token is seen. This does the same search once per chunk on one UTF-8
 * buffer, with flat node arrays, and caches each dictionary entry's decoded
 * features: the same nodes in the same order, the same costs and the same
 * ties, hence the same tokens (`test/tokenizer.test.ts` compares the two on
 * every bundled and generated article). Chunks holding surrogate pairs are
 * left to kuromoji itself.
 */

/** A token as kuromoji reports it (the fields kaidan reads). */
export interface LatticeToken {
  /** 1-based position in code points, exactly as kuromoji computes it. */
  word_position: number;
  surface_form: string;
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  pos_detail_3: string;
  basic_form: string;
  word_type: "KNOWN" | "UNKNOWN";
}

// The parts of a loaded kuromoji tokenizer this reads; kuromoji's typings keep them private.
interface ByteBufferLike {
  buffer: Uint8Array;
}
interface TokenInfoDictionaryLike {
  dictionary: ByteBufferLike;
  pos_buffer: ByteBufferLike;
  target_map: Record<number, number[]>;
}
interface CharacterClassLike {
  class_id: number;
  class_name: string;
  is_always_invoke: number | boolean;
  is_grouping: number | boolean;
}
interface UnknownDictionaryLike extends TokenInfoDictionaryLike {
  lookup(ch: string): CharacterClassLike | undefined;
}
interface EngineLike {
  token_info_dictionary: TokenInfoDictionaryLike;
  unknown_dictionary: UnknownDictionaryLike;
  viterbi_builder: { trie: { bc: { getBaseBuffer(): Int32Array; getCheckBuffer(): Int32Array } } };
  viterbi_searcher: { connection_costs: { buffer: Int16Array; backward_dimension: number } };
  tokenizeForSentence(sentence: string, tokens: unknown[]): LatticeToken[];
}

interface Features {
  surface: string;
  pos: string;
  pos1: string;
  pos2: string;
  pos3: string;
  basic: string;
}

const KNOWN = 0;
const UNKNOWN = 1;

/** ByteBuffer.getShort: little-endian int16 (0 past the end). */
function getShort(b: Uint8Array, i: number): number {
  if (b.length < i + 2) return 0;
  const v = (b[i + 1]! << 8) + b[i]!;
  return v & 0x8000 ? -((v - 1) ^ 0xffff) : v;
}

/** ByteBuffer.getInt: little-endian int32 (0 past the end). */
function getInt(b: Uint8Array, i: number): number {
  if (b.length < i + 4) return 0;
  return (b[i + 3]! << 24) + (b[i + 2]! << 16) + (b[i + 1]! << 8) + b[i]!;
}

/** The bytes as little-endian 16-bit words, when the platform and the alignment allow (else getShort). */
function int16View(b: Uint8Array): Int16Array | null {
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (!littleEndian || b.byteOffset % 2 !== 0) return null;
  return new Int16Array(b.buffer, b.byteOffset, b.length >> 1);
}

const decoder = new TextDecoder();

/** ByteBuffer.getString: the NUL-terminated UTF-8 string at `i`. */
function getString(b: Uint8Array, i: number): string {
  let end = i;
  while (end < b.length && b[end] !== 0) end++;
  // TextDecoder reads no shared memory (a dictionary shared between threads): copy the few bytes
  return decoder.decode(b.buffer instanceof SharedArrayBuffer ? b.slice(i, end) : b.subarray(i, end));
}

function parseFeatures(line: string | null): string[] {
  return line == null ? [] : line.split(",");
}

type NumberArray = Int32Array | Int16Array | Uint8Array | Float64Array;

/** A copy of a typed array, of the same kind, `n` long. */
function grown<A extends NumberArray>(a: A, n: number): A {
  const b = new (a.constructor as new (length: number) => A)(n);
  b.set(a);
  return b;
}

/** Growable node storage for one lattice. */
class Nodes {
  size = 0;
  start = new Int32Array(256);
  length = new Int32Array(256);
  left = new Int32Array(256);
  right = new Int32Array(256);
  cost = new Int32Array(256);
  name = new Int32Array(256);
  type = new Uint8Array(256);
  prev = new Int32Array(256);
  best = new Float64Array(256);
  /** Next node ending at the same position, in insertion order (-1 ends the list). */
  nextSameEnd = new Int32Array(256);
  surface: (string | null)[] = [];

  reset(): void {
    this.size = 0;
    this.surface.length = 0;
  }

  add(
    start: number,
    length: number,
    left: number,
    right: number,
    cost: number,
    name: number,
    type: number,
    surface: string | null,
  ): number {
    if (this.size === this.start.length) this.grow();
    const i = this.size++;
    this.start[i] = start;
    this.length[i] = length;
    this.left[i] = left;
    this.right[i] = right;
    this.cost[i] = cost;
    this.name[i] = name;
    this.type[i] = type;
    this.prev[i] = -1;
    this.best[i] = Number.MAX_VALUE;
    this.nextSameEnd[i] = -1;
    this.surface[i] = surface;
    return i;
  }

  private grow(): void {
    const n = this.start.length * 2;
    this.start = grown(this.start, n);
    this.length = grown(this.length, n);
    this.left = grown(this.left, n);
    this.right = grown(this.right, n);
    this.cost = grown(this.cost, n);
    this.name = grown(this.name, n);
    this.prev = grown(this.prev, n);
    this.nextSameEnd = grown(this.nextSameEnd, n);
    this.type = grown(this.type, n);
    this.best = grown(this.best, n);
  }
}

export class LatticeTokenizer {
  private readonly base: Int32Array;
  private readonly check: Int32Array;
  private readonly dict: Uint8Array;
  private readonly posBuffer: Uint8Array;
  private readonly targetMap: Record<number, number[]>;
  private readonly unkDict: Uint8Array;
  private readonly unkPos: Uint8Array;
  private readonly unkMap: Record<number, number[]>;
  private readonly costs: Int16Array;
  /** The dictionaries' entries as 16-bit words (left id, right id, cost at entry/2 + 0, 1, 2), when aligned. */
  private readonly dict16: Int16Array | null;
  private readonly unk16: Int16Array | null;
  /** For each position of a chunk, where its run of characters of one class ends. */
  private runEnd = new Int32Array(256);
  private readonly backward: number;
  /** Decoded features by dictionary entry (known words, then unknown-word entries). */
  private readonly known = new Map<number, Features>();
  private readonly unknown = new Map<number, Features>();
  /** Character classes by UTF-16 code unit, looked up once. */
  private readonly classes: (CharacterClassLike | undefined | null)[] = new Array(65536).fill(null);
  private readonly nodes = new Nodes();
  private headByEnd = new Int32Array(256);
  private tailByEnd = new Int32Array(256);
  private bytes = new Uint8Array(1024);
  private byteStart = new Int32Array(256);
  /** For a byte offset that ends a character, the number of characters up to it; -1 elsewhere. */
  private charsAtByte = new Int32Array(1024);

  /** Per trie node: 1 + where its entries start in entryIds (0: not copied yet), and how many. */
  private readonly entryAt: Int32Array;
  private readonly entryLength: Uint16Array;
  private entryIds = new Int32Array(4096);
  /** Each copied entry's left id, right id and cost (as {@link entry} reads them). */
  private entryLeft = new Int16Array(4096);
  private entryRight = new Int16Array(4096);
  private entryCost = new Int16Array(4096);
  private entryCount = 0;
  private readonly span = { start: 0, end: 0 };

  constructor(private readonly engine: EngineLike) {
    const bc = engine.viterbi_builder.trie.bc;
    this.base = bc.getBaseBuffer();
    this.check = bc.getCheckBuffer();
    this.entryAt = new Int32Array(this.base.length);
    this.entryLength = new Uint16Array(this.base.length);
    this.dict = engine.token_info_dictionary.dictionary.buffer;
    this.posBuffer = engine.token_info_dictionary.pos_buffer.buffer;
    this.targetMap = engine.token_info_dictionary.target_map;
    this.unkDict = engine.unknown_dictionary.dictionary.buffer;
    this.unkPos = engine.unknown_dictionary.pos_buffer.buffer;
    this.unkMap = engine.unknown_dictionary.target_map;
    this.costs = engine.viterbi_searcher.connection_costs.buffer;
    this.dict16 = int16View(this.dict);
    this.unk16 = int16View(this.unkDict);
    this.backward = engine.viterbi_searcher.connection_costs.backward_dimension;
  }

  /** kuromoji's `tokenize`: the text cut after each 、 and 。, each piece searched on its own. */
  tokenize(text: string): LatticeToken[] {
    const tokens: LatticeToken[] = [];
    let from = 0;
    while (from < text.length) {
      let to = from;
      while (to < text.length && text.charCodeAt(to) !== 0x3001 && text.charCodeAt(to) !== 0x3002) to++;
      to = Math.min(to + 1, text.length);
      this.chunk(text.slice(from, to), tokens);
      from = to;
    }
    return tokens;
  }

  private charClass(code: number): CharacterClassLike {
    let c = this.classes[code];
    if (c === null) {
      c = this.engine.unknown_dictionary.lookup(String.fromCharCode(code));
      this.classes[code] = c;
    }
    if (!c) throw new Error(`Unknown character: ${String.fromCharCode(code)}`);
    return c;
  }

  /** An entry's left id, right id and cost (ByteBuffer.getShort at entry, +2, +4). */
  private entry(view: Int16Array | null, bytes: Uint8Array, id: number, field: number): number {
    const i = id + 2 * field;
    return view && (i & 1) === 0 && i + 2 <= bytes.length ? view[i >> 1]! : getShort(bytes, i);
  }

  private traverse(parent: number, code: number): number {
    const child = this.base[parent]! + code;
    return child >= 0 && child < this.check.length && this.check[child] === parent ? child : -1;
  }

  /**
   * The dictionary entries of a trie node, from kuromoji's target map,
   * copied on first use into flat arrays with their ids and costs: the map is
   * a plain object of hundreds of thousands of keys, slow to look up on every
   * node of every lattice, and copying all of it up front delayed every start
   * by a quarter of a second. The range returned is one object, reused (no
   * allocation per node): read it before the next call.
   */
  private entriesOf(term: number, s: string, pos: number): { start: number; end: number } {
    let at = this.entryAt[term]!;
    if (at === 0) {
      const base = this.base[term]!;
      const ids = this.targetMap[base <= 0 ? -base - 1 : Number.NaN];
      if (!ids) throw new Error(`dictionary entry without token info at ${s.slice(pos)}`);
      if (this.entryCount + ids.length > this.entryIds.length) this.growEntries(this.entryCount + ids.length);
      at = this.entryCount + 1;
      this.entryAt[term] = at;
      this.entryLength[term] = ids.length;
      for (const id of ids) {
        const x = this.entryCount++;
        this.entryIds[x] = id;
        this.entryLeft[x] = this.entry(this.dict16, this.dict, id, 0);
        this.entryRight[x] = this.entry(this.dict16, this.dict, id, 1);
        this.entryCost[x] = this.entry(this.dict16, this.dict, id, 2);
      }
    }
    this.span.start = at - 1;
    this.span.end = at - 1 + this.entryLength[term]!;
    return this.span;
  }

  private growEntries(atLeast: number): void {
    const n = Math.max(this.entryIds.length * 2, atLeast);
    this.entryIds = grown(this.entryIds, n);
    this.entryLeft = grown(this.entryLeft, n);
    this.entryRight = grown(this.entryRight, n);
    this.entryCost = grown(this.entryCost, n);
  }

  private knownFeatures(id: number): Features {
    let f = this.known.get(id);
    if (!f) {
      const line = getString(this.posBuffer, getInt(this.dict, id + 6));
      const x = parseFeatures(line);
      f = { surface: x[0]!, pos: x[1]!, pos1: x[2]!, pos2: x[3]!, pos3: x[4]!, basic: x[7]! };
      this.known.set(id, f);
    }
    return f;
  }

  private unknownFeatures(id: number): Features {
    let f = this.unknown.get(id);
    if (!f) {
      const line = getString(this.unkPos, getInt(this.unkDict, id + 6));
      const x = parseFeatures(line);
      f = { surface: "", pos: x[1]!, pos1: x[2]!, pos2: x[3]!, pos3: x[4]!, basic: x[7]! };
      this.unknown.set(id, f);
    }
    return f;
  }

  private encode(s: string): number {
    const n = s.length;
    if (this.bytes.length < n * 3 + 1) {
      this.bytes = new Uint8Array(n * 3 + 64);
      this.charsAtByte = new Int32Array(n * 3 + 64);
    }
    if (this.byteStart.length < n + 1) this.byteStart = new Int32Array(n + 64);
    const b = this.bytes;
    let j = 0;
    this.charsAtByte[0] = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      this.byteStart[i] = j;
      if (c < 0x80) b[j++] = c;
      else if (c < 0x800) {
        b[j++] = (c >>> 6) | 0xc0;
        b[j++] = (c & 0x3f) | 0x80;
      } else {
        b[j++] = (c >>> 12) | 0xe0;
        b[j++] = ((c >> 6) & 0x3f) | 0x80;
        b[j++] = (c & 0x3f) | 0x80;
      }
      for (let k = this.byteStart[i]! + 1; k < j; k++) this.charsAtByte[k] = -1;
      this.charsAtByte[j] = i + 1;
    }
    this.byteStart[n] = j;
    return j;
  }

  private append(node: number, end: number): void {
    if (end >= this.headByEnd.length) {
      const n = Math.max(end + 1, this.headByEnd.length * 2);
      const h = new Int32Array(n).fill(-1);
      h.set(this.headByEnd);
      const t = new Int32Array(n).fill(-1);
      t.set(this.tailByEnd);
      this.headByEnd = h;
      this.tailByEnd = t;
    }
    const tail = this.tailByEnd[end]!;
    if (tail < 0) this.headByEnd[end] = node;
    else this.nodes.nextSameEnd[tail] = node;
    this.tailByEnd[end] = node;
  }

  private chunk(s: string, tokens: LatticeToken[]): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) {
        this.chunkByKuromoji(s, tokens);
        return;
      }
    }
    const n = s.length;
    const nBytes = this.encode(s);
    const nodes = this.nodes;
    nodes.reset();
    const ends = Math.max(n + 2, 2);
    if (this.headByEnd.length < ends + 1) {
      this.headByEnd = new Int32Array(ends + 1);
      this.tailByEnd = new Int32Array(ends + 1);
    }
    this.headByEnd.fill(-1, 0, ends + 1);
    this.tailByEnd.fill(-1, 0, ends + 1);
    // BOS
    const bos = nodes.add(0, 0, 0, 0, 0, -1, 2, "");
    nodes.best[bos] = 0;
    this.append(bos, 0);
    let eosPos = 1;
    let runsDone = false;
    const b = this.bytes;
    for (let pos = 0; pos < n; pos++) {
      // dictionary words starting here (DoubleArray.commonPrefixSearch)
      let parent = 0;
      let found = 0;
      for (let k = this.byteStart[pos]!; k < nBytes; k++) {
        const child = this.traverse(parent, b[k]!);
        if (child < 0) break;
        parent = child;
        const term = this.traverse(child, 0);
        if (term < 0) continue;
        const ids = this.entriesOf(term, s, pos);
        found++;
        const len = this.charsAtByte[k + 1]! - pos;
        for (let x = ids.start; x < ids.end; x++) {
          const node = nodes.add(
            pos + 1,
            len,
            this.entryLeft[x]!,
            this.entryRight[x]!,
            this.entryCost[x]!,
            this.entryIds[x]!,
            KNOWN,
            null,
          );
          const end = pos + len;
          if (eosPos < end) eosPos = end;
          this.append(node, end);
        }
      }
      // unknown words (ViterbiBuilder: when nothing matched, or the class always invokes)
      const cls = this.charClass(s.charCodeAt(pos));
      if (found === 0 || cls.is_always_invoke === 1) {
        let len = 1;
        if (cls.is_grouping === 1 && n - pos > 1) {
          // the following characters of the same class (a run, found once per chunk)
          if (!runsDone) {
            this.runs(s);
            runsDone = true;
          }
          len = this.runEnd[pos]! - pos;
        }
        const key = s.slice(pos, pos + len);
        for (const id of this.unkMap[cls.class_id] ?? []) {
          const node = nodes.add(
            pos + 1,
            len,
            this.entry(this.unk16, this.unkDict, id, 0),
            this.entry(this.unk16, this.unkDict, id, 1),
            this.entry(this.unk16, this.unkDict, id, 2),
            id,
            UNKNOWN,
            key,
          );
          const end = pos + len;
          if (eosPos < end) eosPos = end;
          this.append(node, end);
        }
      }
    }
    // EOS, after the last position that holds a node (ViterbiLattice.appendEos)
    eosPos++;
    const eos = nodes.add(eosPos, 0, 0, 0, 0, -1, 3, "");
    this.append(eos, eosPos);
    // forward (ViterbiSearcher.forward)
    const { start, left, right, cost, prev, best, nextSameEnd } = nodes;
    const costs = this.costs;
    const backward = this.backward;
    for (let i = 1; i <= eosPos; i++) {
      for (let node = this.headByEnd[i]!; node >= 0; node = nextSameEnd[node]!) {
        const p0 = start[node]! - 1;
        if (p0 < 0 || p0 >= this.headByEnd.length) continue;
        let p = this.headByEnd[p0]!;
        if (p < 0) continue;
        let c = Number.MAX_VALUE;
        let shortest = -1;
        const l = left[node]!;
        const nc = cost[node]!;
        for (; p >= 0; p = nextSameEnd[p]!) {
          const edge = costs[right[p]! * backward + l + 2]!;
          const total = best[p]! + edge + nc;
          if (total < c) {
            shortest = p;
            c = total;
          }
        }
        prev[node] = shortest;
        best[node] = c;
      }
    }
    // backward
    const path: number[] = [];
    let back = prev[eos]!;
    if (back < 0) return;
    while (nodes.type[back] !== 2) {
      path.push(back);
      if (prev[back]! < 0) return;
      back = prev[back]!;
    }
    const last = tokens.length > 0 ? tokens[tokens.length - 1]!.word_position : 0;
    for (let j = path.length - 1; j >= 0; j--) {
      const node = path[j]!;
      const known = nodes.type[node] === KNOWN;
      const f = known ? this.knownFeatures(nodes.name[node]!) : this.unknownFeatures(nodes.name[node]!);
      tokens.push({
        word_position: last + start[node]!,
        surface_form: known ? f.surface : nodes.surface[node]!,
        pos: f.pos,
        pos_detail_1: f.pos1,
        pos_detail_2: f.pos2,
        pos_detail_3: f.pos3,
        basic_form: f.basic,
        word_type: known ? "KNOWN" : "UNKNOWN",
      });
    }
  }

  /** For each position of `s`, the end of the run of characters whose class has the same name. */
  private runs(s: string): void {
    const n = s.length;
    if (this.runEnd.length < n) this.runEnd = new Int32Array(n + 64);
    this.runEnd[n - 1] = n;
    for (let i = n - 2; i >= 0; i--)
      this.runEnd[i] =
        this.charClass(s.charCodeAt(i)).class_name === this.charClass(s.charCodeAt(i + 1)).class_name
          ? this.runEnd[i + 1]!
          : i + 1;
  }

  private chunkByKuromoji(s: string, tokens: LatticeToken[]): void {
    const before = tokens.length;
    const seed = before > 0 ? [tokens[before - 1]] : [];
    const skip = seed.length;
    const out = this.engine.tokenizeForSentence(s, seed);
    for (const t of out.slice(skip)) tokens.push(t);
  }
}
