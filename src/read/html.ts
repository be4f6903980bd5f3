/**
 * HTML articles: the body is extracted with Mozilla's Readability over a
 * linkedom DOM, then laid out as text with one line per block so that
 * paragraphs and headlines survive. The date comes from the page's own
 * metadata: `article:published_time`, JSON-LD `datePublished`, `<time
 * datetime>`.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { SourceDocument } from "./document.js";
import { derivedId } from "./ids.js";
import { parsePublished } from "./published.js";

const BLOCK =
  /^(P|DIV|H[1-6]|LI|UL|OL|TR|TABLE|SECTION|ARTICLE|HEADER|FOOTER|BLOCKQUOTE|PRE|FIGURE|FIGCAPTION|DL|DT|DD)$/;

// linkedom's node types are loose; the few properties used here are typed locally
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomDocument {
  querySelector(
    sel: string,
  ): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(
    sel: string,
  ): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
  body: DomNode | null;
  title: string;
}

/** Text of a DOM subtree with a line break around every block element. */
export function blockText(root: DomNode): string {
  const out: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType === 3) {
      out.push((n.textContent ?? "").replace(/[ \t\r\n]+/g, " "));
      return;
    }
    if (n.nodeType !== 1) return;
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(n.nodeName)) return;
    if (n.nodeName === "BR") {
      out.push("\n");
      return;
    }
    const block = BLOCK.test(n.nodeName);
    if (block) out.push("\n");
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
    if (block) out.push("\n");
  };
  walk(root);
  return out
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join("\n");
}

function publishedOf(doc: DomDocument): unknown {
  const meta = doc.querySelector(
    'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="pubdate"], meta[name="date"]',
  );
  if (meta?.getAttribute("content")) return meta.getAttribute("content");
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const found = findKey(safeJson(scripts[i]!.textContent ?? ""), "datePublished");
    if (found) return found;
  }
  const time = doc.querySelector("time[datetime]");
  return time?.getAttribute("datetime") ?? null;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

function findKey(x: unknown, key: string): string | null {
  if (!x || typeof x !== "object") return null;
  if (Array.isArray(x)) {
    for (const v of x) {
      const f = findKey(v, key);
      if (f) return f;
    }
    return null;
  }
  const rec = x as Record<string, unknown>;
  if (typeof rec[key] === "string") return rec[key] as string;
  for (const v of Object.values(rec)) {
    const f = findKey(v, key);
    if (f) return f;
  }
  return null;
}

export function readHtml(html: string, path: string, encoding: string): SourceDocument {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    document.querySelector('meta[property="og:url"]')?.getAttribute("content") ??
    null;
  const published = parsePublished(publishedOf(document));
  const titleMeta = document.querySelector('meta[property="og:title"]')?.getAttribute("content");
  // Readability mutates the DOM it is given, so it gets its own parse
  const { document: forReadability } = parseHTML(html);
  const article = new Readability(forReadability as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 100,
  }).parse();
  let body = "";
  if (article?.content) {
    const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`) as unknown as {
      document: DomDocument;
    };
    if (content.body) body = blockText(content.body);
  }
  if (body.trim().length === 0) throw new Error("no article body found in the HTML");
  const title = (article?.title || titleMeta || document.title || "").trim() || null;
  // Readability lifts the headline out of the body; headlines carry events too
  if (title && !body.slice(0, title.length + 20).includes(title)) body = `${title}\n${body}`;
  return {
    id: derivedId(url, body),
    url,
    published,
    title,
    lang: "ja",
    body,
    format: "html",
    path,
    encoding,
  };
}
