/**
 * Reading documents from paths: files by extension, folders recursively
 * (in a stable order, symlink loops and unreadable entries reported, not
 * fatal). Each yielded item is a document or a one-line error naming the
 * file (and line).
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { ReadError, type SourceDocument } from "./document.js";
import { decodeBytes } from "./encoding.js";
import { readHtml } from "./html.js";
import { readJsonLines } from "./jsonl.js";
import { readMarkdown } from "./markdown.js";

export { ReadError, type SourceDocument } from "./document.js";

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

/** Files larger than this are refused rather than read into memory whole. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export const isReadable = (path: string) => KINDS[extname(path).toLowerCase()] !== undefined;

/** All readable files under the given paths, sorted, with errors for what cannot be listed. */
export function listFiles(paths: readonly string[]): (string | ReadError)[] {
  const out: (string | ReadError)[] = [];
  const seen = new Set<string>();
  const visit = (p: string, explicit: boolean) => {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      out.push(
        new ReadError(
          p,
          code === "ELOOP"
            ? "symbolic link loop"
            : code === "ENOENT"
              ? "no such file or folder"
              : code === "EACCES"
                ? "permission denied"
                : (e as Error).message,
        ),
      );
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        real = p;
      }
      if (seen.has(real)) {
        out.push(new ReadError(p, "symbolic link loop (folder already visited)"));
        return;
      }
      seen.add(real);
      let entries: string[];
      try {
        entries = readdirSync(p).sort();
      } catch (e) {
        out.push(
          new ReadError(
            p,
            (e as NodeJS.ErrnoException).code === "EACCES" ? "permission denied" : (e as Error).message,
          ),
        );
        return;
      }
      for (const e of entries) if (!e.startsWith(".")) visit(join(p, e), false);
      return;
    }
    if (explicit || isReadable(p)) out.push(p);
  };
  for (const p of paths) visit(p, true);
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
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      yield new ReadError(
        path,
        `file too large (${(size / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`,
      );
      return;
    }
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    yield new ReadError(
      path,
      code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a folder" : (e as Error).message,
    );
    return;
  }
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeBytes(bytes);
  } catch (e) {
    yield new ReadError(path, (e as Error).message);
    return;
  }
  if (kind === "jsonl") {
    yield* readJsonLines(decoded.text, path, decoded.encoding);
    return;
  }
  try {
    yield kind === "html"
      ? readHtml(decoded.text, path, decoded.encoding)
      : readMarkdown(decoded.text, path, decoded.encoding, kind);
  } catch (e) {
    yield new ReadError(path, (e as Error).message);
  }
}

/** Every document under the given paths, in a stable order. */
export function* readPaths(paths: readonly string[]): Generator<SourceDocument | ReadError> {
  for (const f of listFiles(paths)) {
    if (f instanceof ReadError) yield f;
    else yield* readFile(f);
  }
}
