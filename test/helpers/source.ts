import type { SourceDocument } from "../../src/read/document.js";

/** A plain-text document as a reader gives it: `body` with its publication date, nothing else known. */
export function textDocument(
  body: string,
  published: string | null = "2024-06-19",
  id = "t",
): SourceDocument {
  return {
    id,
    url: null,
    published,
    title: null,
    lang: "ja",
    body,
    format: "text",
    path: `${id}.txt`,
    encoding: "utf-8",
  };
}
