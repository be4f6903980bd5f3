/**
 * Bytes to text: UTF-8 (with or without BOM), Shift_JIS/CP932, EUC-JP and
 * ISO-2022-JP are recognised from the bytes themselves — a declaration in
 * the file is only a hint, because pages often declare the wrong one.
 * Binary files are refused with what they look like.
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

export interface Decoded {
  text: string;
  encoding: string;
}

/** Decodes the bytes of a text file, or throws an Error whose message is the reason. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new Error("empty file");
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) throw new Error(`binary file (${what}), not text`);
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new Error("binary file (contains NUL bytes), not text");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: strictUtf8(bytes.subarray(3)) ?? fail("invalid UTF-8 after a UTF-8 byte order mark"),
      encoding: "utf-8",
    };
  }
  // ISO-2022-JP is 7-bit, so it also passes as UTF-8: its escape sequences give it away
  if (hasIso2022Escape(head))
    return { text: new TextDecoder("iso-2022-jp").decode(bytes), encoding: "iso-2022-jp" };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  const detected = Encoding.detect(bytes);
  const label =
    detected === "SJIS"
      ? "shift_jis"
      : detected === "EUCJP"
        ? "euc-jp"
        : detected === "JIS"
          ? "iso-2022-jp"
          : null;
  if (!label) throw new Error("invalid UTF-8 and not Shift_JIS, EUC-JP or ISO-2022-JP");
  const text = new TextDecoder(label, { fatal: false }).decode(bytes);
  const broken = (text.match(/\uFFFD/g) ?? []).length;
  if (broken > Math.max(3, text.length / 200))
    throw new Error(`undecodable bytes (${broken} invalid characters as ${label})`);
  return { text, encoding: label === "shift_jis" ? "shift_jis" : label };
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

function fail(reason: string): never {
  throw new Error(reason);
}
