/**
 * Building the page from data without ever parsing data as HTML: elements
 * are created one by one, text is always a text node, event handlers are
 * functions (never attributes), and links only go to the page's own paths
 * or to http(s) addresses. Article text, titles, URLs and names come from the
 * open web and pass through here only.
 */

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string | undefined;
  on?: Partial<Record<keyof HTMLElementEventMap, (e: Event) => void>>;
  [attribute: string]: unknown;
}

/** An internal path (/event/…) or an absolute http(s) URL; anything else (javascript:, data:…) is refused. */
export function safeHref(href: string): string | null {
  if (/^\/(?!\/)/.test(href) || href.startsWith("#") || href.startsWith("?")) return href;
  try {
    const u = new URL(href);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = String(value);
    else if (key === "on") {
      for (const [type, fn] of Object.entries(value as Record<string, (e: Event) => void>))
        el.addEventListener(type, fn);
    } else if (/^on/i.test(key) || key === "style" || key === "srcdoc") {
      throw new Error(`h(): '${key}' is not allowed; pass handlers in 'on' and style in classes`);
    } else if (key === "href" || key === "src" || key === "action" || key === "formaction") {
      const safe = safeHref(String(value));
      if (safe !== null) el.setAttribute(key, safe);
    } else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else
      parent.appendChild(
        typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c,
      );
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A link to an external page: a new tab, no referrer, no opener; plain text when the URL is not http(s). */
export function externalLink(url: string | null, ...children: Child[]): Node {
  const safe = url ? safeHref(url) : null;
  if (!safe || safe.startsWith("/")) return h("span", null, ...children);
  return h(
    "a",
    { href: safe, target: "_blank", rel: "noopener noreferrer nofollow", class: "external" },
    ...children,
  );
}
