/**
 * Markdown or plain text with optional YAML front matter (see
 * ../shared/eval/GUIDELINES.md). The body is the text after the closing
 * `---` line, the newline ending that line excluded, exactly as the
 * output contract defines it.
 */
import { parse as parseYaml } from "yaml";
import { metaText, type SourceDocument } from "./document.js";
import { derivedId } from "./ids.js";
import { parsePublished } from "./published.js";

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(\r?\n|$)/m;

export function readMarkdown(
  text: string,
  path: string,
  encoding: string,
  format: "markdown" | "text",
): SourceDocument {
  let meta: Record<string, unknown> = {};
  let body = text;
  const opening = OPENING.exec(text);
  if (opening) {
    const rest = text.slice(opening[0].length);
    const closing = CLOSING.exec(rest);
    if (!closing) throw new Error("front matter opened with '---' is never closed");
    const yamlText = rest.slice(0, closing.index);
    let parsed: unknown;
    try {
      // logLevel "error": YAML warnings (unknown tags) would print extra lines on stderr
      parsed = parseYaml(yamlText, { logLevel: "error" });
    } catch (e) {
      const first = ((e as Error).message.split("\n")[0] ?? "").trim();
      throw new Error(`malformed front matter: ${first}`);
    }
    if (parsed !== null && parsed !== undefined && (typeof parsed !== "object" || Array.isArray(parsed))) {
      throw new Error("malformed front matter: expected key: value pairs");
    }
    meta = (parsed ?? {}) as Record<string, unknown>;
    body = rest.slice(closing.index + closing[0].length);
  }
  const str = (k: string) => metaText(meta, k, "front matter ");
  const url = str("url");
  let published: string | null;
  try {
    published = parsePublished(meta.published);
  } catch (e) {
    throw new Error((e as Error).message);
  }
  if (body.trim().length === 0)
    throw new Error(opening ? "no text after the front matter" : "no text (only white space)");
  return {
    id: str("id") ?? derivedId(url, body),
    url,
    published,
    title: str("title"),
    lang: str("lang") ?? "ja",
    body,
    format,
    path,
    encoding,
  };
}
