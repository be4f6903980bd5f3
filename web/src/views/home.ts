/** The start page: what the database holds, example searches, the latest articles. */
import { get } from "../api";
import { h, replace } from "../dom";
import { t } from "../i18n";
import type { View } from "../router";
import type { DocumentListItem, Info } from "../types";
import { link, section } from "../ui";

const EXAMPLES = ["露朝", "首脳会談", "プーチン", "非核化", "共同声明"];

export const homeView: View = async ({ root, signal }) => {
  const [info, docs] = await Promise.all([
    get<Info>("info", {}, signal),
    get<{ total: number; items: DocumentListItem[] }>("documents", { limit: 8 }, signal),
  ]);
  const stat = (n: number, label: string, href: string) =>
    link(href, { class: "stat" }, h("strong", null, n.toLocaleString()), h("span", null, label));
  replace(
    root,
    h("h1", null, t("appName")),
    h("p", { class: "lead" }, t("tagline")),
    h(
      "div",
      { class: "stats" },
      stat(info.documents, t("articles"), "/documents"),
      stat(info.events, t("events"), "/timeline"),
      stat(info.actors, t("actors"), "/network"),
      stat(info.quotes, t("quotes"), "/quotes"),
    ),
    section(
      t("search"),
      h(
        "p",
        { class: "examples" },
        EXAMPLES.map((q) => [
          link(`/search?${new URLSearchParams({ q }).toString()}`, { class: "chip" }, q),
          " ",
        ]),
      ),
    ),
    section(
      t("recent"),
      h(
        "ul",
        { class: "doc-list" },
        docs.items.map((d) =>
          h(
            "li",
            null,
            h("span", { class: "date" }, d.published ?? "—"),
            " ",
            link(`/doc/${encodeURIComponent(d.id)}`, null, d.title ?? d.id),
          ),
        ),
      ),
    ),
  );
};
