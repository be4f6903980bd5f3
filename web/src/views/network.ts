/**
 * Who met whom (sigma.js over a graphology graph): nodes sized by how many
 * meetings each took part in, edges by how many times the two met, laid out
 * once by ForceAtlas2 so that moving the time slider only shows or hides
 * what had happened by that date. The strongest ties are also listed, for
 * reading and for screens without WebGL.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { get } from "../api";
import { h, replace } from "../dom";
import { formatDate, name, t } from "../i18n";
import type { View } from "../router";
import type { Network } from "../types";
import { actorHref, eventHref, link, section } from "../ui";

const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#ff7f0e",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#bcbd22",
  "#7f7f7f",
];
const colour = (key: string) => {
  let n = 0;
  for (const c of key) n = (n * 31 + c.charCodeAt(0)) >>> 0;
  return PALETTE[n % PALETTE.length]!;
};

function webglAvailable(): boolean {
  try {
    const c = document.createElement("canvas");
    return !!(c.getContext("webgl2") ?? c.getContext("webgl"));
  } catch {
    return false;
  }
}

export const networkView: View = async ({ root, url, signal, navigate }) => {
  const level = url.searchParams.get("level") === "states" ? "states" : "actors";
  const actor = url.searchParams.get("actor") ?? "";
  const net = await get<Network>("network", { level, actor: actor || undefined }, signal);
  document.title = `${t("network")} — kaidan`;

  // the slider's stops: each date a meeting happened, first to last
  const dates = [
    ...new Set(net.edges.flatMap((e) => e.meetings.map((m) => m.date).filter((d): d is string => !!d))),
  ].sort();
  const asked = url.searchParams.get("until");
  let until =
    asked && dates.length ? (dates.filter((d) => d <= asked).at(-1) ?? dates[0]!) : (dates.at(-1) ?? "");

  const graph = new Graph({ type: "undirected", multi: false });
  net.nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, net.nodes.length);
    graph.addNode(n.id, {
      x: Math.cos(angle) * 100,
      y: Math.sin(angle) * 100,
      label: name(n),
      color: colour(n.country ?? n.id),
      size: 4,
    });
  });
  for (const e of net.edges)
    if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { size: 1, color: "#9aa7b8" });
  if (graph.order > 1)
    forceAtlas2.assign(graph, {
      iterations: 300,
      settings: { ...forceAtlas2.inferSettings(graph), gravity: 1, scalingRatio: 10 },
    });

  /** Sizes and visibility as of the slider's date. */
  const apply = () => {
    const count = new Map<string, number>();
    for (const e of net.edges) {
      const w = e.meetings.filter((m) => !until || (m.date ?? "") <= until).length;
      if (graph.hasEdge(e.source, e.target)) {
        graph.setEdgeAttribute(e.source, e.target, "hidden", w === 0);
        graph.setEdgeAttribute(e.source, e.target, "size", 1 + Math.sqrt(w) * 2);
        graph.setEdgeAttribute(e.source, e.target, "label", `${w}`);
      }
      count.set(e.source, (count.get(e.source) ?? 0) + w);
      count.set(e.target, (count.get(e.target) ?? 0) + w);
    }
    graph.forEachNode((id) => {
      const c = count.get(id) ?? 0;
      graph.setNodeAttribute(id, "hidden", c === 0);
      graph.setNodeAttribute(id, "size", 4 + Math.sqrt(c) * 4);
    });
    untilLabel.textContent = until
      ? `${t("until")}: ${formatDate({ start: until, end: until, granularity: "day" })}`
      : "";
    const ties = net.edges
      .map((e) => ({ e, w: e.meetings.filter((m) => !until || (m.date ?? "") <= until) }))
      .filter((x) => x.w.length > 0)
      .sort((a, b) => b.w.length - a.w.length)
      .slice(0, 40);
    const nodeName = (id: string) => {
      const n = net.nodes.find((x) => x.id === id);
      return n ? name(n) : id;
    };
    replace(
      tieList,
      ties.map(({ e, w }) =>
        h(
          "li",
          null,
          link(actorHref(e.source), null, nodeName(e.source)),
          " — ",
          link(actorHref(e.target), null, nodeName(e.target)),
          h("span", { class: "muted" }, ` ${w.length} ${t("meetings")} `),
          w.slice(-3).map((m) => [link(eventHref(m.event), { class: "chip" }, m.date ?? "?"), " "]),
        ),
      ),
    );
  };

  const untilLabel = h("output", { "data-testid": "until" });
  const slider = h("input", {
    type: "range",
    min: "0",
    max: String(Math.max(0, dates.length - 1)),
    step: "1",
    value: String(Math.max(0, dates.indexOf(until))),
    "aria-label": t("until"),
    "data-testid": "time-slider",
    disabled: dates.length < 2,
  });
  let pending: number | undefined;
  slider.addEventListener("input", () => {
    until = dates[Number(slider.value)] ?? until;
    apply();
    renderer?.refresh();
    window.clearTimeout(pending);
    pending = window.setTimeout(() => {
      const u = new URL(window.location.href);
      u.searchParams.set("until", until);
      history.replaceState(null, "", `${u.pathname}${u.search}`);
    }, 300);
  });
  const container = h("div", { class: "graph", "data-testid": "graph" });
  const tieList = h("ol", { class: "ties", "data-testid": "ties" });
  const levelLink = (l: string, label: string) => {
    const u = new URLSearchParams(url.search);
    u.set("level", l);
    u.delete("until");
    return link(`/network?${u.toString()}`, { class: l === level ? "chip active" : "chip" }, label);
  };
  replace(
    root,
    h("h1", null, t("network")),
    h(
      "div",
      { class: "filter-row" },
      h("span", null, `${t("level")}: `),
      levelLink("actors", t("levelActors")),
      " ",
      levelLink("states", t("levelStates")),
      actor ? [" ", link("/network", { class: "chip" }, `× ${actor}`)] : null,
    ),
    h("div", { class: "slider-row" }, slider, untilLabel),
    container,
    section(t("list"), tieList),
  );
  let renderer: Sigma | null = null;
  apply();
  if (graph.order === 0) {
    container.append(h("p", { class: "muted" }, t("noResults")));
    return;
  }
  if (!webglAvailable()) {
    container.classList.add("no-webgl");
    container.append(h("p", { class: "muted" }, t("noWebgl")));
    return;
  }
  renderer = new Sigma(graph, container, {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 0,
    defaultEdgeColor: "#9aa7b8",
    labelFont: "system-ui, sans-serif",
  });
  renderer.on("clickNode", ({ node }) => navigate(actorHref(node)));
  signal.addEventListener("abort", () => renderer?.kill());
};
