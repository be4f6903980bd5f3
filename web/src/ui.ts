/** Small pieces every view uses: links inside the page, badges, citations, messages. */
import { type Child, h } from "./dom";
import { formatDate, name, statusLabel, t, typeLabel } from "./i18n";
import { navigate } from "./router";
import type { Citation, EventSummary } from "./types";

/** A link inside the page: a real href (open in a new tab works), followed without reloading. */
export function link(
  href: string,
  props: { class?: string; title?: string; "data-testid"?: string } | null,
  ...children: Child[]
) {
  return h(
    "a",
    {
      ...props,
      href,
      on: {
        click: (e: Event) => {
          const m = e as MouseEvent;
          if (m.button !== 0 || m.metaKey || m.ctrlKey || m.shiftKey || m.altKey) return;
          e.preventDefault();
          navigate(href);
        },
      },
    },
    ...children,
  );
}

export const eventHref = (id: string) => `/event/${encodeURIComponent(id)}`;
export const actorHref = (id: string) => `/actor/${encodeURIComponent(id)}`;

/** A cited span in its document, scrolled to and marked. */
export function spanHref(doc: string, span: { start: number; end: number }, event?: string): string {
  const q = new URLSearchParams({ span: `${span.start}-${span.end}` });
  if (event) q.set("event", event);
  return `/doc/${encodeURIComponent(doc)}?${q.toString()}`;
}

export const statusBadge = (status: string) =>
  h("span", { class: `badge status-${status}`, "data-status": status }, statusLabel(status));

export const typeBadge = (type: string, mode: string | null) =>
  h("span", { class: "badge type", title: mode ? `${type}:${mode}` : type }, typeLabel(type));

export function eventRow(e: EventSummary): HTMLElement {
  return h(
    "li",
    { class: "event-row", "data-event": e.id },
    h("span", { class: "date" }, formatDate(e.date)),
    " ",
    link(eventHref(e.id), { class: "event-link" }, name(e.name)),
    " ",
    statusBadge(e.status),
    " ",
    typeBadge(e.type, e.mode),
    e.sources > 1 ? h("span", { class: "muted" }, ` ${e.sources} ${t("sources")}`) : null,
  );
}

/** Footnote-like links [1] [2] to the spans that give a value. */
export function citationLinks(
  citations: readonly Citation[],
  event: string,
  number: (c: Citation) => number,
): Node {
  return h(
    "span",
    { class: "cites" },
    citations.map((c) =>
      link(
        spanHref(c.doc, c, event),
        { class: "cite", title: c.text, "data-testid": "cite" },
        `[${number(c)}]`,
      ),
    ),
  );
}

export const loading = () => h("p", { class: "loading", role: "status" }, t("loading"));

export function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof Error ? e.message : String(e);
  return h("div", { class: "error", role: "alert" }, h("strong", null, `${t("error")}: `), msg);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "panel" }, h("h2", null, title), ...children);
}
