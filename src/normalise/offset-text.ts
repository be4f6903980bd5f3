/**
 * A normalised copy of a raw text that remembers, for every UTF-16 unit it
 * holds, which raw units produced it. Every span the pipeline finds in the
 * normalised text is converted back with {@link toRawSpan}, so that what is
 * cited is always `raw.slice(start, end)`.
 */
export interface OffsetText {
  /** The text as read, never modified. */
  readonly raw: string;
  /** The normalised text the analysers work on. */
  readonly text: string;
  /** `rawStart[i]` is the raw index where the raw piece behind `text[i]` starts. */
  readonly rawStart: Int32Array;
  /** `rawEnd[i]` is the raw index just after the raw piece behind `text[i]`. */
  readonly rawEnd: Int32Array;
}

export interface Span {
  start: number;
  end: number;
}

/** Collects normalised output together with the raw range of each piece. */
export class OffsetTextBuilder {
  private readonly parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private size = 0;

  constructor(private readonly raw: string) {
    this.starts = new Int32Array(raw.length + 16);
    this.ends = new Int32Array(raw.length + 16);
  }

  private reserve(n: number): void {
    if (this.size + n <= this.starts.length) return;
    const cap = Math.max(this.starts.length * 2, this.size + n);
    const s = new Int32Array(cap);
    s.set(this.starts.subarray(0, this.size));
    const e = new Int32Array(cap);
    e.set(this.ends.subarray(0, this.size));
    this.starts = s;
    this.ends = e;
  }

  /** Appends `out` as the normalised form of `raw[rawFrom, rawTo)`. */
  push(out: string, rawFrom: number, rawTo: number): void {
    if (out.length === 0) return;
    this.parts.push(out);
    this.reserve(out.length);
    this.starts.fill(rawFrom, this.size, this.size + out.length);
    this.ends.fill(rawTo, this.size, this.size + out.length);
    this.size += out.length;
  }

  /** Appends `raw[from, to)` unchanged, each unit standing for itself. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.raw.slice(from, to));
    this.reserve(to - from);
    for (let i = from, j = this.size; i < to; i++, j++) {
      this.starts[j] = i;
      this.ends[j] = i + 1;
    }
    this.size += to - from;
  }

  build(): OffsetText {
    const text = this.parts.join("");
    return {
      raw: this.raw,
      text,
      rawStart: this.starts.slice(0, this.size),
      rawEnd: this.ends.slice(0, this.size),
    };
  }
}

/** Converts a span of the normalised text into the raw span that produced it. */
export function toRawSpan(t: OffsetText, start: number, end: number): Span {
  if (start < 0 || end > t.text.length || start > end) {
    throw new RangeError(`span [${start}, ${end}) is outside the normalised text (${t.text.length})`);
  }
  if (start === end) {
    const at = start < t.text.length ? t.rawStart[start]! : t.raw.length;
    return { start: at, end: at };
  }
  return { start: t.rawStart[start]!, end: t.rawEnd[end - 1]! };
}

/**
 * Removes the given ranges of `t.text`, keeping the raw mapping of what stays.
 * Ranges must not overlap. Used by the line-level normalisation steps.
 */
export function deleteRanges(t: OffsetText, ranges: readonly Span[]): OffsetText {
  if (ranges.length === 0) return t;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const keep = t.text.length - sorted.reduce((n, r) => n + (r.end - r.start), 0);
  const rawStart = new Int32Array(keep);
  const rawEnd = new Int32Array(keep);
  const pieces: string[] = [];
  let out = 0;
  let from = 0;
  const copy = (a: number, b: number) => {
    if (b <= a) return;
    pieces.push(t.text.slice(a, b));
    rawStart.set(t.rawStart.subarray(a, b), out);
    rawEnd.set(t.rawEnd.subarray(a, b), out);
    out += b - a;
  };
  for (const r of sorted) {
    copy(from, r.start);
    from = Math.max(from, r.end);
  }
  copy(from, t.text.length);
  return { raw: t.raw, text: pieces.join(""), rawStart, rawEnd };
}

/** The identity mapping, for text that needs no normalisation (tests, fragments). */
export function identityText(raw: string): OffsetText {
  const rawStart = new Int32Array(raw.length);
  const rawEnd = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    rawStart[i] = i;
    rawEnd[i] = i + 1;
  }
  return { raw, text: raw, rawStart, rawEnd };
}
