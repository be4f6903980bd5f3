/**
 * One article as stored, rendered as text: the sentences kaidan cites for
 * events, the quotations and the search terms are marked, and the span the
 * URL names (?span=start-end, from a citation clicked elsewhere) is marked
 * as current and scrolled to. The body is never parsed as HTML: markup in it
 * shows as the characters it is.
 */
import { get, seg } from "../api";
import { h, replace, externalLink } from "../dom";
import { name, statusLabel, t } from "../i18n";
import type { View } from "../router";
import type { DocumentView, Span } from "../types";
import { eventHref, link, section, spanHref, statusBadge } from "../ui";

interface Marked extends Span {
  kind: "cite" | "quote" | "hit" | "current";
  event?: string | undefined;
}

/** Where the search terms occur, case-insensitively, in their typed, NFKC and full-width forms. */
export function termSpans(body: string, q: string): Span[] {
  const terms = [...q.matchAll(/"([^"]*)"|[^\s\u3000"]+/g)].map((m) => (m[1] ?? m[0]).trim()).filter(Boolean);
  const forms = new Set<string>();
  for (const term of terms) {
    const nfkc = term.normalize("NFKC");
    forms.add(term).add(nfkc);
    forms.add(nfkc.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  }
  if (forms.size === 0) return [];
  const escaped = [...forms]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(escaped.join("|"), "giu");
  return [...body.matchAll(re)].slice(0, 1000).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The body as text nodes and marks: each stretch between span boundaries carries the classes of the spans covering it. */
export function markedBody(
  body: string,
  spans: readonly Marked[],
): { node: HTMLElement; current: HTMLElement | null } {
  const cuts = new Set<number>([0, body.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(body.length, s.start)));
    cuts.add(Math.max(0, Math.min(body.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const node = h("div", { class: "article-body", lang: "ja", "data-testid": "article-body" });
  let current: HTMLElement | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const text = body.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b && s.start < s.end);
    if (covering.length === 0) {
      node.append(document.createTextNode(text));
      continue;
    }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    const cite = covering.find((s) => s.kind === "cite");
    const mark = h(
      "mark",
      {
        class: kinds.map((k) => `m-${k}`).join(" "),
        "data-start": a,
        "data-end": b,
        ...(cite?.event ? { "data-event": cite.event } : {}),
      },
      text,
    );
    if (kinds.includes("current") && !current) {
      mark.id = "current";
      current = mark;
    }
    node.append(mark);
  }
  return { node, current };
}

function parseSpan(s: string | null, max: number): Span | null {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(s ?? "");
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= max ? { start, end } : null;
}

export const documentView: View = async ({ root, url, params, signal }) => {
  const id = params[0]!;
  const d = await get<DocumentView>(`documents/${seg(id)}`, {}, signal);
  document.title = `${d.title ?? d.id} — kaidan`;
  const event = url.searchParams.get("event");
  const q = url.searchParams.get("q") ?? "";
  const span = parseSpan(url.searchParams.get("span"), d.body.length);
  const spans: Marked[] = [
    ...d.citations.map((c) => ({ start: c.start, end: c.end, kind: "cite" as const, event: c.event?.id })),
    ...d.quotes.map((x) => ({ start: x.start, end: x.end, kind: "quote" as const })),
    ...(q ? termSpans(d.body, q).map((s) => ({ ...s, kind: "hit" as const })) : []),
    ...(span ? [{ ...span, kind: "current" as const }] : []),
  ];
  const { node: body, current } = markedBody(d.body, spans);
  if (event) body.classList.add("focus-event");
  if (event)
    for (const m of body.querySelectorAll<HTMLElement>("mark[data-event]"))
      if (m.dataset.event === event) m.classList.add("m-event");

  // the events this article reports, each with its sentences
  const byEvent = new Map<
    string,
    { event: NonNullable<DocumentView["citations"][number]["event"]>; spans: Span[] }
  >();
  for (const c of d.citations) {
    if (!c.event) continue;
    const entry = byEvent.get(c.event.id) ?? { event: c.event, spans: [] };
    if (!entry.spans.some((s) => s.start === c.start)) entry.spans.push(c);
    byEvent.set(c.event.id, entry);
  }

  replace(
    root,
    h(
      "div",
      { class: "doc-layout" },
      h(
        "article",
        { class: "doc" },
        h("h1", { class: "doc-title", "data-testid": "doc-title" }, d.title ?? d.id),
        h(
          "p",
          { class: "doc-meta" },
          h("span", null, `${t("published")}: ${d.published ?? "—"}`),
          " · ",
          externalLink(d.url, t("original")),
          " · ",
          h("code", null, d.id),
        ),
        h(
          "p",
          { class: "legend" },
          h("mark", { class: "m-cite" }, t("citationsLegend")),
          " ",
          h("mark", { class: "m-quote" }, t("quotesLegend")),
          q ? [" ", h("mark", { class: "m-hit" }, t("hitsLegend"))] : null,
        ),
        current
          ? h(
              "p",
              { class: "current-note" },
              t("cited"),
              ": ",
              h("q", { "data-testid": "current-text" }, d.body.slice(span!.start, span!.end)),
            )
          : null,
        body,
      ),
      h(
        "aside",
        { class: "doc-side" },
        section(
          `${t("events")} (${byEvent.size})`,
          h(
            "ul",
            { class: "side-events" },
            [...byEvent.values()].map(({ event: e, spans: ss }) =>
              h(
                "li",
                { class: e.id === event ? "selected" : "" },
                link(eventHref(e.id), null, name(e.name)),
                " ",
                statusBadge(e.status),
                h(
                  "span",
                  { class: "cites" },
                  ss.map((s, i) =>
                    link(
                      spanHref(d.id, s, e.id),
                      { class: "cite", title: statusLabel(e.status) },
                      `[${i + 1}]`,
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
        section(
          `${t("quotes")} (${d.quotes.length})`,
          h(
            "ul",
            { class: "quote-list" },
            d.quotes.map((x) =>
              h(
                "li",
                null,
                link(spanHref(d.id, x), { class: "quote" }, `「${x.text}」`),
                " — ",
                x.speaker ? name(x.speaker) : t("unattributed"),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  // scroll to the span asked for, once the page has its layout
  if (current) requestAnimationFrame(() => current.scrollIntoView({ block: "center" }));
  else if (q)
    requestAnimationFrame(() => body.querySelector("mark.m-hit")?.scrollIntoView({ block: "center" }));
};
