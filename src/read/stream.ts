/**
 * JSON Lines files, streamed: a feed dump of any size is read a line at a
 * time, so memory is bounded by the longest line, not by the file. Each line
 * is decoded on its own (UTF-8, else the Japanese encodings), and a line that
 * cannot be used — too long, undecodable, not JSON, not an article — is
 * reported with its number while the others go on.
 */
import { readSync } from "node:fs";
import { documentProblem, ReadError, type SourceDocument } from "./document.js";
import { binaryReason, decodeBytes } from "./encoding.js";
import { fromObject } from "./jsonl.js";

/** A line longer than this is skipped without being held in memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
/** After this many broken lines a file is given up (a binary or wrong file, not a feed). */
export const MAX_LINE_ERRORS = 1000;
const CHUNK_BYTES = 1 << 20;

interface Line {
  line: number;
  /** The line's bytes without its newline, or null when it was too long to keep. */
  bytes: Buffer | null;
  length: number;
}

function readChunk(fd: number): Buffer {
  // a new buffer each time: the lines being collected point into the earlier ones
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  const n = readSync(fd, chunk, 0, CHUNK_BYTES, null);
  return n === CHUNK_BYTES ? chunk : chunk.subarray(0, n);
}

function* byteLines(fd: number, first: Buffer): Generator<Line> {
  let pending: Buffer[] = [];
  let length = 0;
  let skipping = false;
  let line = 0;
  for (let chunk = first; chunk.length > 0; chunk = readChunk(fd)) {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      const piece = chunk.subarray(from, nl < 0 ? chunk.length : nl);
      if (!skipping && length + piece.length > MAX_LINE_BYTES) {
        skipping = true;
        pending = [];
      }
      if (!skipping) pending.push(piece);
      length += piece.length;
      if (nl < 0) break;
      line++;
      yield { line, bytes: skipping ? null : Buffer.concat(pending, length), length };
      pending = [];
      length = 0;
      skipping = false;
      from = nl + 1;
    }
  }
  if (length > 0) yield { line: line + 1, bytes: skipping ? null : Buffer.concat(pending, length), length };
}

const isBlank = (b: Buffer) => {
  for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  return true;
};

/** The documents of a JSON Lines file open at `fd`, and an error for each line that is not one. */
export function* readJsonLinesFile(fd: number, path: string): Generator<SourceDocument | ReadError> {
  const first = readChunk(fd);
  // the file as a whole is binary when its first line is (a NUL byte further on is that line's problem)
  const nl = first.indexOf(0x0a);
  const binary = binaryReason(nl < 0 ? first : first.subarray(0, Math.max(nl, 1)));
  if (binary) {
    yield new ReadError(path, binary);
    return;
  }
  let broken = 0;
  for (const { line, bytes, length } of byteLines(fd, first)) {
    if (broken >= MAX_LINE_ERRORS) {
      yield new ReadError(path, `${MAX_LINE_ERRORS} broken lines: the rest of the file was not read`, line);
      return;
    }
    const item = readLine(path, line, bytes, length);
    if (item instanceof ReadError) broken++;
    if (item) yield item;
  }
}

function readLine(
  path: string,
  line: number,
  bytes: Buffer | null,
  length: number,
): SourceDocument | ReadError | null {
  if (bytes === null)
    return new ReadError(
      path,
      `line too long (${(length / 1048576).toFixed(0)} MB; the limit is ${MAX_LINE_BYTES / 1048576} MB)`,
      line,
    );
  if (isBlank(bytes)) return null;
  const raw = bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
  try {
    const { text, encoding } = decodeBytes(raw);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return new ReadError(path, `not valid JSON (${(e as Error).message})`, line);
    }
    const doc = fromObject(parsed, path, line, encoding);
    const problem = documentProblem(doc);
    return problem ? new ReadError(path, problem, line) : doc;
  } catch (e) {
    return new ReadError(path, (e as Error).message, line);
  }
}
