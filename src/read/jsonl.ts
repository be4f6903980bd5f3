/**
 * JSON Lines: one article per line with `id, url, published, title, text`.
 * Files are streamed by ./stream.ts; a broken line is reported with its
 * number and does not stop the others.
 */
import { metaText, type SourceDocument } from "./document.js";
import { derivedId } from "./ids.js";
import { parsePublished } from "./published.js";

/** The document one line's JSON object describes, or throws with the reason. */
export function fromObject(o: unknown, path: string, line: number, encoding: string): SourceDocument {
  if (!o || typeof o !== "object" || Array.isArray(o)) throw new Error("expected a JSON object");
  const rec = o as Record<string, unknown>;
  const text = rec.text ?? rec.body;
  if (typeof text !== "string" || text.trim() === "") throw new Error("missing 'text' (the article body)");
  const str = (k: string) => metaText(rec, k, "");
  const url = str("url");
  return {
    id: str("id") ?? derivedId(url, text),
    url,
    published: parsePublished(rec.published),
    title: str("title"),
    lang: str("lang") ?? "ja",
    body: text,
    format: "jsonl",
    path,
    line,
    encoding,
  };
}
