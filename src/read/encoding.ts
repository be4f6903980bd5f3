/**
 * Bytes to text: UTF-8 (with or without BOM), Shift_JIS/CP932, EUC-JP and
 * ISO-2022-JP are recognised from the bytes themselves — a declaration in
 * the file is only a hint, because pages often declare the wrong one.
 * Binary files are refused with what they look like. JSON Lines files are
 * decoded a line at a time (src/read/stream.ts) with the encoding their
 * first bytes show, so the same steps are exported one by one.
 */
import Encoding from "encoding-japanese";

const MAGIC: [string, number[]][] = [
  ["PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["gzip archive", [0x1f, 0x8b]],
  ["ZIP archive (or Office document)", [0x50, 0x4b, 0x03, 0x04]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
];

export type EncodingLabel = "utf-8" | "shift_jis" | "euc-jp" | "iso-2022-jp";

export interface Decoded {
  text: string;
  encoding: EncodingLabel;
}

/** Why the first bytes of a file are not text (empty, a known binary format, NUL bytes), or null. */
export function binaryReason(head: Uint8Array): string | null {
  if (head.length === 0) return "empty file";
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    return "UTF-16 text, which kaidan does not read (save it as UTF-8)";
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => head[i] === b)) return `binary file (${what}), not text`;
  }
  if (head.subarray(0, 8192).includes(0)) return "binary file (contains NUL bytes), not text";
  return null;
}

const hasBom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * The encoding of text that starts with these bytes (a sample may end in the
 * middle of a character). Throws with the reason when it is none of the four.
 */
export function detectEncoding(sample: Uint8Array): EncodingLabel {
  if (hasBom(sample)) return "utf-8";
  // ISO-2022-JP is 7-bit, so it also passes as UTF-8: its escape sequences give it away
  if (hasIso2022Escape(sample.subarray(0, 8192))) return "iso-2022-jp";
  if (firstInvalidUtf8(sample, true) < 0) return "utf-8";
  const detected = Encoding.detect(sample);
  if (detected === "SJIS") return "shift_jis";
  if (detected === "EUCJP") return "euc-jp";
  if (detected === "JIS") return "iso-2022-jp";
  throw new Error(`${utf8Error(sample)} and not Shift_JIS, EUC-JP or ISO-2022-JP`);
}

/** Decodes bytes in a known encoding, or throws with the reason (where UTF-8 breaks, too many bad characters). */
export function decodeAs(bytes: Uint8Array, label: EncodingLabel): string {
  if (label === "utf-8") {
    const body = hasBom(bytes) ? bytes.subarray(3) : bytes;
    const text = strictUtf8(body);
    if (text === null) throw new Error(utf8Error(body, hasBom(bytes) ? 3 : 0));
    return text;
  }
  const text = new TextDecoder(label, { fatal: false }).decode(bytes);
  if (label === "iso-2022-jp") return text;
  const broken = (text.match(/\uFFFD/g) ?? []).length;
  if (broken > Math.max(3, text.length / 200))
    throw new Error(`undecodable bytes (${broken} invalid characters as ${label})`);
  return text;
}

/** Decodes the bytes of a text file, or throws an Error whose message is the reason. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const binary = binaryReason(bytes);
  if (binary) throw new Error(binary);
  const encoding = detectEncoding(bytes);
  return { text: decodeAs(bytes, encoding), encoding };
}

function hasIso2022Escape(bytes: Uint8Array): boolean {
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === 0x1b && bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40))
      return true;
  }
  return false;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The offset of the first byte that breaks UTF-8, or -1. With `partial`, a
 * sequence cut off by the end of the bytes is not an error (a sample).
 */
export function firstInvalidUtf8(b: Uint8Array, partial = false): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      if (i + k >= n) return partial ? -1 : i;
      const d = b[i + k]!;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i;
    }
    i += len;
  }
  return -1;
}

/** "invalid UTF-8 at byte N (line L)", counted from the start of the bytes given. */
function utf8Error(bytes: Uint8Array, offset = 0): string {
  const at = firstInvalidUtf8(bytes);
  if (at < 0) return "invalid UTF-8";
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return `invalid UTF-8 at byte ${at + offset}${line > 1 ? ` (line ${line})` : ""}`;
}
