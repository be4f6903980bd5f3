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

/** A file (or JSONL line) that could not be read, with the reason in one line. */
export class ReadError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${path}${line ? `:${line}` : ""}: ${reason}`);
    this.name = "ReadError";
  }
}
