import { createHash } from "node:crypto";

/**
 * A stable id for a document that has none: from its URL when it has one
 * (a corrected article keeps its id), else from its text, so that reading
 * the same document twice updates it instead of adding a copy.
 */
export function derivedId(url: string | null, body: string): string {
  const key = url ? `url:${url.trim()}` : `text:${body.normalize("NFKC").replace(/\s+/g, "")}`;
  return `doc-${createHash("sha256").update(key).digest("hex").slice(0, 12)}`;
}
