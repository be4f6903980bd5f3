/** Quotations by speaker: who is quoted how often, and what each said, linked to the sentence in its article. */
import { get } from "../api";
import { h, replace } from "../dom";
import { name, t } from "../i18n";
import type { View } from "../router";
import type { QuoteItem } from "../types";
import { actorHref, link, section, spanHref } from "../ui";

interface Speakers {
  speakers: {
    id: string;
    kind: string;
    ja: string;
    en: string;
    country: string | null;
    quotes: number;
    documents: number;
  }[];
  unattributed: number;
}

export const quotesView: View = async ({ root, url, signal }) => {
  const speaker = url.searchParams.get("speaker") ?? "";
  const text = url.searchParams.get("text") ?? "";
  const [sp, list] = await Promise.all([
    get<Speakers>("quotes/speakers", {}, signal),
    get<{ total: number; estimated?: true; items: QuoteItem[] }>(
      "quotes",
      { speaker: speaker || undefined, text: text || undefined, limit: 500 },
      signal,
    ),
  ]);
  document.title = `${t("quotes")} — kaidan`;
  // grouped by speaker, in the order of the speakers list
  const groups = new Map<string, { label: string; id: string | null; items: QuoteItem[] }>();
  for (const q of list.items) {
    const key = q.speaker?.id ?? `?${q.speakerText ?? ""}`;
    const g = groups.get(key) ?? {
      label: q.speaker ? name(q.speaker) : (q.speakerText ?? t("unattributed")),
      id: q.speaker?.id ?? null,
      items: [],
    };
    g.items.push(q);
    groups.set(key, g);
  }
  const order = new Map(sp.speakers.map((s, i) => [s.id, i]));
  const sorted = [...groups.values()].sort(
    (a, b) => (order.get(a.id ?? "") ?? 1e9) - (order.get(b.id ?? "") ?? 1e9),
  );
  replace(
    root,
    h("h1", null, t("quotes")),
    h(
      "div",
      { class: "two-col" },
      h(
        "nav",
        { class: "speakers", "aria-label": t("speaker") },
        h(
          "ul",
          { class: "plain" },
          h("li", null, link("/quotes", { class: speaker ? "" : "active" }, t("allSpeakers"))),
          sp.speakers.map((s) =>
            h(
              "li",
              null,
              link(
                `/quotes?speaker=${encodeURIComponent(s.id)}`,
                { class: s.id === speaker ? "active" : "", "data-testid": "speaker" },
                name(s),
              ),
              h("span", { class: "muted" }, ` ${s.quotes}`),
            ),
          ),
          sp.unattributed
            ? h(
                "li",
                null,
                link(
                  "/quotes?speaker=none",
                  { class: speaker === "none" ? "active" : "" },
                  t("unattributed"),
                ),
                h("span", { class: "muted" }, ` ${sp.unattributed}`),
              )
            : null,
        ),
      ),
      h(
        "div",
        { "data-testid": "quote-groups" },
        h(
          "p",
          { class: "muted" },
          `${list.estimated ? "≈ " : ""}${list.total.toLocaleString()} ${t("quotes")}`,
        ),
        sorted.map((g) =>
          section(
            g.label,
            g.id ? h("p", null, link(actorHref(g.id), { class: "chip" }, "→")) : null,
            h(
              "ul",
              { class: "quote-list" },
              g.items.map((q) =>
                h(
                  "li",
                  null,
                  link(spanHref(q.doc, q), { class: "quote" }, `「${q.text}」`),
                  q.verb ? h("span", { class: "muted" }, ` (${q.verb})`) : null,
                  h(
                    "div",
                    { class: "muted small" },
                    `${q.published ?? ""} · `,
                    link(`/doc/${encodeURIComponent(q.doc)}`, null, q.title ?? q.doc),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
};
