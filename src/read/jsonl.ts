/**
 * JSON Lines: one article per line with `id, url, published, title, text`.
 * A broken line is reported with its number and does not stop the others.
 */
import { ReadError, type SourceDocument } from "./document.js";
import { derivedId } from "./ids.js";
import { parsePublished } from "./published.js";

export type LineResult = SourceDocument | ReadError;

export function* readJsonLines(text: string, path: string, encoding: string): Generator<LineResult> {
  let line = 0;
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf("\n", from);
    const raw = text.slice(from, nl < 0 ? text.length : nl).replace(/\r$/, "");
    line++;
    from = nl < 0 ? text.length + 1 : nl + 1;
    if (raw.trim() === "") continue;
    try {
      yield fromObject(JSON.parse(raw), path, line, encoding);
    } catch (e) {
      const reason = e instanceof SyntaxError ? `not valid JSON (${e.message})` : (e as Error).message;
      yield new ReadError(path, reason, line);
    }
  }
}

function fromObject(o: unknown, path: string, line: number, encoding: string): SourceDocument {
  if (!o || typeof o !== "object" || Array.isArray(o)) throw new Error("expected a JSON object");
  const rec = o as Record<string, unknown>;
  const text = rec.text ?? rec.body;
  if (typeof text !== "string" || text.trim() === "") throw new Error("missing 'text' (the article body)");
  const str = (k: string) =>
    typeof rec[k] === "string" && rec[k] !== "" ? (rec[k] as string) : rec[k] == null ? null : String(rec[k]);
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
