/**
 * Relations of a pair of states month by month (Chart.js): cooperative
 * events above the axis, conflictual ones below, and the mean PLOVER score
 * as a line; the pairs with the most events are offered as links.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";
import { get } from "../api";
import { h, replace } from "../dom";
import { name, t } from "../i18n";
import type { View } from "../router";
import type { Relations, StatePair } from "../types";
import { link, section } from "../ui";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

export const relationsView: View = async ({ root, url, signal, navigate }) => {
  const pairs = (await get<{ items: StatePair[] }>("relations/pairs", { limit: 50 }, signal)).items;
  const first = pairs[0];
  const a = url.searchParams.get("a") ?? first?.a.id ?? "";
  const b = url.searchParams.get("b") ?? first?.b.id ?? "";
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "";
  document.title = `${t("relations")} ${a}–${b} — kaidan`;
  const pairLabel = (p: StatePair) => `${name(p.a)}–${name(p.b)}`;
  const chooser = h(
    "p",
    { class: "chips", "data-testid": "pairs" },
    pairs.map((p) => [
      link(
        `/relations?a=${encodeURIComponent(p.a.id)}&b=${encodeURIComponent(p.b.id)}`,
        { class: [p.a.id, p.b.id].sort().join() === [a, b].sort().join() ? "chip active" : "chip" },
        pairLabel(p),
        h("span", { class: "muted" }, ` ${p.events}`),
      ),
      " ",
    ]),
  );
  const form = h(
    "form",
    {
      class: "filters",
      on: {
        submit: (e: Event) => {
          e.preventDefault();
          const d = new FormData(e.target as HTMLFormElement);
          const q = new URLSearchParams();
          for (const k of ["a", "b", "from", "to"]) {
            const v = String(d.get(k) ?? "").trim();
            if (v) q.set(k, v);
          }
          navigate(`/relations?${q.toString()}`);
        },
      },
    },
    h(
      "div",
      { class: "filter-row" },
      h("label", null, h("span", null, "A"), h("input", { name: "a", value: a, required: true })),
      h("label", null, h("span", null, "B"), h("input", { name: "b", value: b, required: true })),
      h(
        "label",
        null,
        h("span", null, t("from")),
        h("input", { name: "from", value: from, placeholder: "2018" }),
      ),
      h("label", null, h("span", null, t("to")), h("input", { name: "to", value: to, placeholder: "2025" })),
      h("button", { type: "submit" }, t("apply")),
    ),
  );
  if (!a || !b) {
    replace(root, h("h1", null, t("relations")), chooser, form, h("p", { class: "muted" }, t("noResults")));
    return;
  }
  const r = await get<Relations>(
    "relations",
    { a, b, from: from || undefined, to: to || undefined, fill: "true" },
    signal,
  );
  const canvas = h("canvas", { "aria-label": `${t("relations")} ${r.a}–${r.b}`, role: "img" });
  const table = h(
    "table",
    { class: "data", "data-testid": "relations-table" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        [t("month"), t("events"), t("cooperation"), t("conflict"), t("meanScore")].map((x) =>
          h("th", null, x),
        ),
      ),
    ),
    h(
      "tbody",
      null,
      r.months
        .filter((m) => m.events > 0)
        .map((m) =>
          h(
            "tr",
            null,
            h(
              "td",
              null,
              link(
                `/timeline?pair=${encodeURIComponent(`${r.a},${r.b}`)}&from=${m.month}&to=${m.month}`,
                null,
                m.month,
              ),
            ),
            h("td", null, String(m.events)),
            h("td", null, String(m.cooperation)),
            h("td", null, String(m.conflict)),
            h("td", null, m.mean === null ? "—" : m.mean.toFixed(2)),
          ),
        ),
      h(
        "tr",
        { class: "total" },
        h("th", null, t("total")),
        h("td", null, String(r.total.events)),
        h("td", null, String(r.total.cooperation)),
        h("td", null, String(r.total.conflict)),
        h("td", null, r.total.mean === null ? "—" : r.total.mean.toFixed(2)),
      ),
    ),
  );
  replace(
    root,
    h("h1", null, `${t("relations")}: ${r.a}–${r.b}`),
    chooser,
    form,
    h("div", { class: "chart" }, canvas),
    section(t("list"), table),
  );
  // more than six years of months read better as years
  const byYear = r.months.length > 72;
  const bins: { label: string; cooperation: number; conflict: number; events: number; score: number }[] = [];
  for (const m of r.months) {
    const label = byYear ? m.month.slice(0, 4) : m.month;
    let bin = bins.at(-1);
    if (!bin || bin.label !== label)
      bins.push((bin = { label, cooperation: 0, conflict: 0, events: 0, score: 0 }));
    bin.cooperation += m.cooperation;
    bin.conflict += m.conflict;
    bin.events += m.events;
    bin.score += m.score;
  }
  const mean = (b: (typeof bins)[number]) => (b.events ? Math.round((b.score / b.events) * 100) / 100 : null);
  const chart = new Chart(canvas, {
    data: {
      labels: bins.map((m) => m.label),
      datasets: [
        {
          type: "bar",
          label: t("cooperation"),
          data: bins.map((m) => m.cooperation),
          backgroundColor: "#2b8a3e",
          stack: "n",
          yAxisID: "y",
        },
        {
          type: "bar",
          label: t("conflict"),
          data: bins.map((m) => -m.conflict),
          backgroundColor: "#c92a2a",
          stack: "n",
          yAxisID: "y",
        },
        {
          type: "line",
          label: t("meanScore"),
          data: bins.map(mean),
          borderColor: "#1c7ed6",
          backgroundColor: "#1c7ed6",
          spanGaps: true,
          yAxisID: "score",
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: { stacked: true, title: { display: true, text: t("events") }, ticks: { precision: 0 } },
        score: {
          position: "right",
          min: -10,
          max: 10,
          title: { display: true, text: "PLOVER" },
          grid: { drawOnChartArea: false },
        },
        x: { stacked: true },
      },
    },
  });
  signal.addEventListener("abort", () => chart.destroy());
};
