/**
 * Reading documents from paths: files by extension, folders recursively
 * (in a stable order, symlink loops and unreadable entries reported, not
 * fatal). Each yielded item is a document or a one-line error naming the
 * file (and line). Only regular files are read, never more than
 * MAX_FILE_BYTES of them (a device or a FIFO named like an article cannot
 * make kaidan read for ever); JSON Lines files, which may be dumps of any
 * size, are streamed a line at a time (./stream.ts).
 */
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
} from "node:fs";
import { extname, join } from "node:path";
import { documentProblem, ReadError, type SourceDocument } from "./document.js";
import { decodeBytes } from "./encoding.js";
import { readHtml } from "./html.js";
import { readMarkdown } from "./markdown.js";
import { readJsonLinesFile } from "./stream.js";

export { MAX_DOCUMENT_CHARS, ReadError, type SourceDocument } from "./document.js";

const KINDS: Record<string, "markdown" | "text" | "html" | "jsonl"> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
  ".text": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};

/** Files larger than this are refused rather than read into memory whole (JSON Lines are streamed). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export const isReadable = (path: string) => KINDS[extname(path).toLowerCase()] !== undefined;

const reasonOf = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ELOOP") return "symbolic link loop";
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  return (e as Error).message;
};

/** All readable files under the given paths, sorted, with errors for what cannot be listed. */
export function listFiles(paths: readonly string[]): (string | ReadError)[] {
  const out: (string | ReadError)[] = [];
  // folders already listed, by real path: a link back to a folder being listed is a loop (an error);
  // a second link to a folder listed elsewhere is skipped quietly (its files are read once)
  const seen = new Set<string>();
  const visit = (p: string, explicit: boolean, ancestors: readonly string[]) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch (e) {
      out.push(new ReadError(p, reasonOf(e)));
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        real = p;
      }
      if (ancestors.includes(real)) {
        out.push(new ReadError(p, `symbolic link loop (points back to ${real})`));
        return;
      }
      if (seen.has(real)) return;
      seen.add(real);
      let entries: string[];
      try {
        entries = readdirSync(p).sort();
      } catch (e) {
        out.push(new ReadError(p, reasonOf(e)));
        return;
      }
      for (const e of entries) if (!e.startsWith(".")) visit(join(p, e), false, [...ancestors, real]);
      return;
    }
    if (explicit || isReadable(p)) out.push(p);
  };
  for (const p of paths) visit(p, true, []);
  return out;
}

/** Reads one file: a document, several (JSONL), or errors. */
export function* readFile(path: string): Generator<SourceDocument | ReadError> {
  const kind = KINDS[extname(path).toLowerCase()];
  if (!kind) {
    yield new ReadError(
      path,
      `unsupported file type '${extname(path) || "(none)"}' (expected .md, .txt, .html or .jsonl)`,
    );
    return;
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    yield new ReadError(path, reasonOf(e));
    return;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) {
      yield new ReadError(path, "is a folder");
      return;
    }
    if (!st.isFile()) {
      yield new ReadError(path, "not a regular file (a device, FIFO or socket)");
      return;
    }
    if (kind === "jsonl") {
      yield* readJsonLinesFile(fd, path);
      return;
    }
    // the size first, so that a huge file is not even partly read; then a bounded read in case it grew
    const bytes = st.size > MAX_FILE_BYTES ? null : readAtMost(fd, MAX_FILE_BYTES);
    if (bytes === null) {
      yield new ReadError(
        path,
        `file too large (${(st.size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`,
      );
      return;
    }
    let doc: SourceDocument;
    try {
      const decoded = decodeBytes(bytes);
      doc =
        kind === "html"
          ? readHtml(decoded.text, path, decoded.encoding)
          : readMarkdown(decoded.text, path, decoded.encoding, kind);
    } catch (e) {
      yield new ReadError(path, reasonOf(e));
      return;
    }
    const problem = documentProblem(doc);
    yield problem ? new ReadError(path, problem) : doc;
  } finally {
    closeSync(fd);
  }
}

/** The whole file, or null when it holds more than `max` bytes (whatever its size said). */
function readAtMost(fd: number, max: number): Buffer | null {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > max) return null;
  }
  return Buffer.concat(chunks, total);
}

/** Every document under the given paths, in a stable order. */
export function* readPaths(paths: readonly string[]): Generator<SourceDocument | ReadError> {
  for (const f of listFiles(paths)) {
    if (f instanceof ReadError) yield f;
    else yield* readFile(f);
  }
}
