/**
 * Events on a zoomable timeline (vis-timeline), one row per country or per
 * actor, filtered by actor, pair, type, status and dates; the filters are
 * the URL's. A list of the same events follows, for reading and for
 * narrow screens. Items are built as elements, never from HTML strings.
 */
import "vis-timeline/styles/vis-timeline-graph2d.min.css";
import moment from "moment";
import "moment/locale/ja";
import { DataSet } from "vis-data/peer";
import { Timeline, type TimelineOptions } from "vis-timeline/peer";
import { allEvents, get } from "../api";
import { h, replace } from "../dom";
import { lang, name, STATUS_NAMES, statusLabel, t, TYPE_NAMES, typeLabel } from "../i18n";
import type { View } from "../router";
import type { Actor, EventSummary } from "../types";
import { eventHref, eventRow, section } from "../ui";

const FILTERS = ["actor", "pair", "type", "status", "from", "to", "text", "group"] as const;
const EXPORTS = ["jsonl", "csv", "timelinejs", "gexf", "graphml"];
/** A day after the end of a date, for a range item that covers its last day. */
const dayAfter = (iso: string) => moment(iso).add(1, "day").format("YYYY-MM-DD");

export const timelineView: View = async ({ root, url, signal, navigate }) => {
  const p = Object.fromEntries(FILTERS.map((k) => [k, url.searchParams.get(k) ?? ""])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const group = p.group === "actor" ? "actor" : "country";
  const filter: Record<string, string> = {};
  for (const k of ["actor", "pair", "type", "status", "from", "to", "text"] as const)
    if (p[k]) filter[k] = p[k];
  const [events, actors] = await Promise.all([
    allEvents(filter, signal),
    get<Actor[]>("actors", { limit: 300 }, signal),
  ]);
  document.title = `${t("timeline")} — kaidan`;

  // ---- the filter form: submitting it changes the URL ----
  const input = (key: string, label: string, value: string, attrs: Record<string, string> = {}) =>
    h("label", null, h("span", null, label), h("input", { name: key, value, ...attrs }));
  const checks = (key: string, values: string[], chosen: string, label: (v: string) => string) =>
    h(
      "fieldset",
      { class: "checks" },
      h("legend", null, key === "type" ? t("type") : t("status")),
      values.map((v) =>
        h(
          "label",
          null,
          h("input", {
            type: "checkbox",
            name: key,
            value: v,
            checked: chosen.split(",").includes(v),
            "data-testid": `filter-${key}-${v}`,
          }),
          ` ${label(v)}`,
        ),
      ),
    );
  const form = h(
    "form",
    {
      class: "filters",
      "data-testid": "timeline-filters",
      on: {
        submit: (e: Event) => {
          e.preventDefault();
          const data = new FormData(e.target as HTMLFormElement);
          const q = new URLSearchParams();
          for (const k of ["actor", "pair", "from", "to", "text"]) {
            const v = String(data.get(k) ?? "").trim();
            if (v) q.set(k, v);
          }
          for (const k of ["type", "status"]) {
            const v = data.getAll(k).map(String);
            if (v.length) q.set(k, v.join(","));
          }
          const g = String(data.get("group") ?? "country");
          if (g !== "country") q.set("group", g);
          navigate(`/timeline${q.toString() ? `?${q.toString()}` : ""}`);
        },
      },
    },
    h(
      "div",
      { class: "filter-row" },
      input("actor", t("actor"), p.actor, { list: "actor-options", placeholder: "RUS, kim-jong-un" }),
      input("pair", t("pair"), p.pair, { placeholder: "RUS,PRK" }),
      input("from", t("from"), p.from, { placeholder: "2018", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }),
      input("to", t("to"), p.to, { placeholder: "2025-12", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }),
      input("text", t("text"), p.text, { placeholder: "非核化", "data-testid": "filter-text" }),
      h(
        "label",
        null,
        h("span", null, t("groupBy")),
        h(
          "select",
          { name: "group", "data-testid": "group-by" },
          h("option", { value: "country", selected: group === "country" }, t("byCountry")),
          h("option", { value: "actor", selected: group === "actor" }, t("byActor")),
        ),
      ),
    ),
    checks(
      "type",
      TYPE_NAMES.filter((ty) =>
        [
          "CONSULT",
          "AGREE",
          "SUPPORT",
          "REQUEST",
          "GIFT",
          "ACCUSE",
          "REJECT",
          "THREATEN",
          "SANCTION",
          "COOPERATE",
        ].includes(ty),
      ),
      p.type,
      typeLabel,
    ),
    checks("status", STATUS_NAMES, p.status, statusLabel),
    h(
      "div",
      { class: "filter-row" },
      h("button", { type: "submit", "data-testid": "apply-filters" }, t("apply")),
      h("button", { type: "button", on: { click: () => navigate("/timeline") } }, t("reset")),
    ),
    h(
      "datalist",
      { id: "actor-options" },
      actors.map((a) => h("option", { value: a.id }, `${name(a)} (${a.kind})`)),
    ),
  );

  // ---- groups and items ----
  const actorNames = new Map(actors.map((a) => [a.id, a]));
  const groupsOf = (e: EventSummary): { id: string; label: string }[] => {
    if (group === "actor") {
      const people = e.participants.filter((x) => x.role !== "delegate");
      return people.length ? people.map((x) => ({ id: x.id, label: name(x) })) : [{ id: "—", label: "—" }];
    }
    return e.states.length
      ? e.states.map((s) => {
          const a = actorNames.get(s);
          return { id: s, label: a ? name(a) : s };
        })
      : [{ id: "—", label: "—" }];
  };
  const groups = new Map<string, { label: string; count: number }>();
  const items: Record<string, unknown>[] = [];
  for (const e of events) {
    if (!e.date) continue;
    const range = e.date.granularity !== "day" || e.date.start !== e.date.end;
    for (const g of groupsOf(e)) {
      const entry = groups.get(g.id) ?? { label: g.label, count: 0 };
      entry.count++;
      groups.set(g.id, entry);
      items.push({
        id: `${e.id}|${g.id}`,
        group: g.id,
        start: e.date.start,
        ...(range ? { end: dayAfter(e.date.end), type: "range" } : { type: "box" }),
        content: h("span", { "data-event": e.id }, name(e.name)),
        className: `status-${e.status} type-${e.type}`,
      });
    }
  }
  const groupData = [...groups]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .map(([id, g], order) => ({ id, order, content: h("span", { class: "group-label" }, g.label) }));

  const container = h("div", { class: "timeline", "data-testid": "timeline" });
  const undated = events.filter((e) => !e.date);
  replace(
    root,
    h("h1", null, t("timeline")),
    form,
    h(
      "p",
      { class: "muted", "data-testid": "timeline-count" },
      `${events.length} ${t("events")} · ${t("download")}: `,
      EXPORTS.map((format) => {
        // the export takes the same filters, except the text one
        const { text: _text, ...rest } = filter;
        const href = `/api/export?${new URLSearchParams({ format, ...rest }).toString()}`;
        return [h("a", { href, download: "", "data-testid": `export-${format}` }, format), " "];
      }),
    ),
    container,
    section(
      t("list"),
      h("ul", { class: "event-list", "data-testid": "timeline-list" }, events.map(eventRow)),
      undated.length ? h("p", { class: "muted" }, `${undated.length} undated`) : null,
    ),
  );
  if (items.length === 0) {
    container.append(h("p", { class: "muted" }, t("noResults")));
    return;
  }
  moment.locale(lang() === "ja" ? "ja" : "en");
  const options: TimelineOptions = {
    stack: true,
    zoomable: true,
    orientation: { axis: "top", item: "top" },
    zoomMin: 1000 * 60 * 60 * 24 * 7,
    margin: { item: { horizontal: 4, vertical: 4 } },
    maxHeight: 640,
    locale: lang(),
    moment: (d: moment.MomentInput) => moment(d),
    groupOrder: "order",
    tooltip: { followMouse: false },
  };
  const timeline = new Timeline(
    container,
    new DataSet(items as never[]) as never,
    new DataSet(groupData as never[]) as never,
    options,
  );
  timeline.on("select", (props: { items: (string | number)[] }) => {
    const id = String(props.items[0] ?? "").split("|")[0];
    if (id) navigate(eventHref(id));
  });
  signal.addEventListener("abort", () => timeline.destroy());
};
