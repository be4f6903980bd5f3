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

/**
 * Limits for hostile pages: Readability's work grows with the cube of the
 * nesting depth (1,000 nested elements take a minute), so deeper pages are
 * refused; real pages nest a few dozen levels. Bodies with fewer letters
 * than MIN_BODY_CHARS are menus or empty shells, not articles.
 */
export const MAX_HTML_DEPTH = 256;
export const MAX_HTML_ELEMENTS = 200_000;
const MIN_BODY_CHARS = 10;
/** Page furniture that Readability falls back to when a page has no article. */
const FURNITURE =
  'nav, aside, footer, menu, [role="navigation"], [role="menu"], [role="menubar"], [role="complementary"], [role="contentinfo"]';

const BLOCK =
  /^(P|DIV|H[1-6]|LI|UL|OL|TR|TABLE|SECTION|ARTICLE|HEADER|FOOTER|BLOCKQUOTE|PRE|FIGURE|FIGCAPTION|DL|DT|DD)$/;

// linkedom's node types are loose; the few properties used here are typed locally
interface DomNode {
  nodeType: number;
  children?: ArrayLike<DomNode>;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomDocument {
  documentElement: DomNode | null;
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

function findKey(x: unknown, key: string, depth = 0): string | null {
  // JSON-LD nests a few levels; a deeper structure is not metadata (and would overflow the stack)
  if (!x || typeof x !== "object" || depth > 32) return null;
  if (Array.isArray(x)) {
    for (const v of x) {
      const f = findKey(v, key, depth + 1);
      if (f) return f;
    }
    return null;
  }
  const rec = x as Record<string, unknown>;
  if (typeof rec[key] === "string") return rec[key] as string;
  for (const v of Object.values(rec)) {
    const f = findKey(v, key, depth + 1);
    if (f) return f;
  }
  return null;
}

/** Throws when the page nests deeper than MAX_HTML_DEPTH or has more than MAX_HTML_ELEMENTS elements. */
function checkShape(root: DomNode | null): void {
  if (!root) return;
  const stack: [DomNode, number][] = [[root, 1]];
  let elements = 0;
  while (stack.length > 0) {
    const [n, depth] = stack.pop()!;
    if (depth > MAX_HTML_DEPTH)
      throw new Error(`HTML nested too deeply (more than ${MAX_HTML_DEPTH} levels of elements)`);
    if (++elements > MAX_HTML_ELEMENTS)
      throw new Error(`HTML has too many elements (more than ${MAX_HTML_ELEMENTS.toLocaleString("en")})`);
    const kids = n.children;
    if (kids) for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, depth + 1]);
  }
}

export function readHtml(html: string, path: string, encoding: string): SourceDocument {
  const { document } = parseHTML(html) as unknown as { document: DomDocument };
  checkShape(document.documentElement);
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    document.querySelector('meta[property="og:url"]')?.getAttribute("content") ??
    null;
  const published = parsePublished(publishedOf(document));
  const titleMeta = document.querySelector('meta[property="og:title"]')?.getAttribute("content");
  // Readability mutates the DOM it is given, so it gets its own parse
  const { document: forReadability } = parseHTML(html);
  for (const n of [...forReadability.querySelectorAll(FURNITURE)]) n.remove();
  const article = new Readability(forReadability as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 100,
    maxElemsToParse: MAX_HTML_ELEMENTS,
  }).parse();
  let body = "";
  if (article?.content) {
    const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`) as unknown as {
      document: DomDocument;
    };
    if (content.body) body = blockText(content.body);
  }
  const letters = body.replace(/\s+/g, "").length;
  if (letters < MIN_BODY_CHARS)
    throw new Error(
      letters === 0
        ? "no article body found in the HTML"
        : `no article body found in the HTML (only ${letters} characters of text outside menus)`,
    );
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
