/** Everything at once: articles with highlighted snippets, events, actors, quotations. */
import { get } from "../api";
import { h, replace } from "../dom";
import { name, t } from "../i18n";
import type { View } from "../router";
import type { SearchResult, Snippet } from "../types";
import { actorHref, eventRow, link, section, spanHref } from "../ui";

function snippet(s: Snippet, doc: string, q: string): HTMLElement {
  // the first match's raw offsets, to open the article scrolled to it
  const first = s.parts.findIndex((p) => p.hit);
  const start = s.parts.slice(0, Math.max(first, 0)).reduce((n, p) => n + p.text.length, s.start);
  const end = first >= 0 ? start + s.parts[first]!.text.length : start;
  const base =
    s.field === "body" && first >= 0 ? spanHref(doc, { start, end }) : `/doc/${encodeURIComponent(doc)}?`;
  return link(
    `${base}${base.endsWith("?") ? "" : "&"}q=${encodeURIComponent(q)}`,
    { class: `snippet snippet-${s.field}`, "data-testid": "snippet" },
    s.start > 0 ? "…" : "",
    s.parts.map((p) => (p.hit ? h("mark", { class: "hit" }, p.text) : p.text)),
    "…",
  );
}

export const searchView: View = async ({ root, url, signal }) => {
  const q = url.searchParams.get("q")?.trim() ?? "";
  document.title = `${q} — kaidan`;
  if (!q) {
    replace(root, h("p", null, t("searchPlaceholder")));
    return;
  }
  const r = await get<SearchResult>("search", { q, limit: 30 }, signal);
  const docs = r.documents;
  replace(
    root,
    h("h1", null, `${t("search")}: `, h("q", null, q)),
    section(
      `${t("articles")} (${docs.estimated ? "≈ " : ""}${docs.total.toLocaleString()})`,
      docs.items.length === 0
        ? h("p", { class: "muted" }, t("noResults"))
        : h(
            "ol",
            { class: "hits", "data-testid": "doc-hits" },
            docs.items.map((d) =>
              h(
                "li",
                { class: "hit-doc", "data-doc": d.id },
                h(
                  "div",
                  { class: "hit-head" },
                  link(
                    `/doc/${encodeURIComponent(d.id)}?q=${encodeURIComponent(q)}`,
                    { class: "doc-title" },
                    d.title ?? d.id,
                  ),
                  " ",
                  h("span", { class: "date" }, d.published ?? ""),
                  " ",
                  h("span", { class: "muted" }, `×${d.count}`),
                ),
                d.snippets.filter((s) => s.field === "body").map((s) => snippet(s, d.id, q)),
              ),
            ),
          ),
    ),
    section(
      `${t("events")} (${r.events.length})`,
      r.events.length === 0
        ? h("p", { class: "muted" }, t("noResults"))
        : h("ul", { class: "event-list", "data-testid": "event-hits" }, r.events.map(eventRow)),
    ),
    section(
      `${t("actors")} (${r.actors.length})`,
      h(
        "ul",
        { class: "chips" },
        r.actors.map((a) =>
          h(
            "li",
            null,
            link(actorHref(a.id), { class: "chip" }, name(a), h("span", { class: "muted" }, ` ${a.events}`)),
          ),
        ),
      ),
    ),
    section(
      `${t("quotes")} (${r.quotes.length})`,
      h(
        "ul",
        { class: "quote-list" },
        r.quotes.map((x) =>
          h(
            "li",
            null,
            link(spanHref(x.doc, x), { class: "quote" }, `「${x.text}」`),
            " — ",
            x.speaker ? name(x.speaker) : (x.speakerText ?? t("unattributed")),
          ),
        ),
      ),
    ),
  );
};
