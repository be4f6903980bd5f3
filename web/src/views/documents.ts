/** The articles, newest first, a page at a time. */
import { get } from "../api";
import { externalLink, h, replace } from "../dom";
import { t } from "../i18n";
import type { View } from "../router";
import type { DocumentListItem } from "../types";
import { link } from "../ui";

const PAGE = 50;

export const documentsView: View = async ({ root, url, signal }) => {
  const offset = Math.max(0, Number(url.searchParams.get("offset") ?? 0) || 0);
  const list = await get<{ total: number; items: DocumentListItem[] }>(
    "documents",
    { limit: PAGE, offset },
    signal,
  );
  document.title = `${t("documents")} — kaidan`;
  replace(
    root,
    h("h1", null, `${t("documents")} (${list.total})`),
    h(
      "table",
      { class: "data", "data-testid": "documents" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          [t("published"), t("title"), t("events"), t("quotes"), ""].map((x) => h("th", null, x)),
        ),
      ),
      h(
        "tbody",
        null,
        list.items.map((d) =>
          h(
            "tr",
            null,
            h("td", { class: "date" }, d.published ?? "—"),
            h("td", null, link(`/doc/${encodeURIComponent(d.id)}`, null, d.title ?? d.id)),
            h("td", null, String(d.events)),
            h("td", null, String(d.quotes)),
            h("td", null, externalLink(d.url, "↗")),
          ),
        ),
      ),
    ),
    h(
      "p",
      { class: "pager" },
      offset > 0 ? link(`/documents?offset=${Math.max(0, offset - PAGE)}`, null, `← ${t("previous")}`) : null,
      " ",
      offset + PAGE < list.total ? link(`/documents?offset=${offset + PAGE}`, null, `${t("next")} →`) : null,
    ),
  );
};
