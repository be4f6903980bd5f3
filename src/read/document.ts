/** A document as read: metadata and the raw body every citation points into. */
export interface SourceDocument {
  /** Front-matter id, or a stable id derived from the URL or the content. */
  id: string;
  url: string | null;
  /** ISO date (`YYYY-MM-DD`, `YYYY-MM`) or null when the source gives none. */
  published: string | null;
  title: string | null;
  lang: string;
  /** The body exactly as read; spans are UTF-16 indices into it. */
  body: string;
  format: "markdown" | "text" | "html" | "jsonl";
  /** Where it came from. */
  path: string;
  /** 1-based line in a JSON Lines file. */
  line?: number;
  encoding: string;
}

/**
 * Text shown in a one-line message: control characters (a newline in a file
 * name or in a library's message could forge a second error line) are
 * escaped, and a runaway reason is cut short.
 */
export function oneLine(s: string, max = 400): string {
  const t = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    c === "\n" ? "\\n" : c === "\t" ? " " : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** A file (or JSONL line) that could not be read, with the reason in one line. */
export class ReadError extends Error {
  readonly reason: string;
  constructor(
    readonly path: string,
    reason: string,
    readonly line?: number,
  ) {
    const why = oneLine(reason.trim());
    super(`${oneLine(path, 4096)}${line ? `:${line}` : ""}: ${why}`);
    this.reason = why;
    this.name = "ReadError";
  }
}

/**
 * The longest body kaidan analyses, in UTF-16 units (about 250 printed
 * pages). News articles, even long transcripts, stay far below it; a longer
 * "document" is a dump or an attack, and extraction time grows faster than
 * the length of a text dense with events.
 */
export const MAX_DOCUMENT_CHARS = 500_000;
/** The longest document id (ids end up in URLs and file names). */
export const MAX_ID_CHARS = 256;

/** Why a document as read cannot be stored (an unusable id, a body too long), or null. */
export function documentProblem(doc: SourceDocument): string | null {
  if (doc.id.length > MAX_ID_CHARS) return `id is longer than ${MAX_ID_CHARS} characters`;
  if (/[\u0000-\u001f\u007f]/.test(doc.id) || doc.id.trim() === "")
    return `id ${JSON.stringify(doc.id.slice(0, 40))} is empty or has control characters`;
  if (doc.body.length > MAX_DOCUMENT_CHARS)
    return `document too long (${doc.body.length.toLocaleString("en")} characters; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString("en")})`;
  return null;
}

/** A metadata field as text: null when absent or empty; numbers as written; lists and objects refused. */
export function metaText(rec: Record<string, unknown>, key: string, where: string): string | null {
  const v = rec[key];
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  throw new Error(`${where}'${key}' must be text, not ${Array.isArray(v) ? "a list" : "an object"}`);
}
