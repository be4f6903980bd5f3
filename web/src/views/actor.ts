/** One actor: names, counts, and the ways into the other views with this actor as the filter. */
import { allEvents, get, seg } from "../api";
import { h, replace } from "../dom";
import { lang, name, t } from "../i18n";
import type { View } from "../router";
import type { Actor } from "../types";
import { eventRow, link, section } from "../ui";

export const actorView: View = async ({ root, params, signal }) => {
  const id = params[0]!;
  const [a, events] = await Promise.all([
    get<Actor>(`actors/${seg(id)}`, {}, signal),
    allEvents({ actor: id }, signal),
  ]);
  document.title = `${name(a)} — kaidan`;
  const q = encodeURIComponent(a.id);
  replace(
    root,
    h("h1", null, name(a), " ", h("span", { class: "muted" }, lang() === "ja" ? a.en : a.ja)),
    h(
      "p",
      { class: "lead" },
      h("code", null, a.id),
      ` · ${a.kind}`,
      a.country ? ` · ${a.country}` : "",
      ` · ${a.events} ${t("activity")} · ${a.mentions} ${t("mentions")}`,
      a.first ? ` · ${a.first} – ${a.last}` : "",
    ),
    h(
      "p",
      { class: "chips" },
      link(`/timeline?actor=${q}&group=actor`, { class: "chip" }, t("showOnTimeline")),
      " ",
      link(`/network?actor=${q}`, { class: "chip" }, t("showInNetwork")),
      " ",
      link(`/quotes?speaker=${q}`, { class: "chip" }, t("showQuotes")),
    ),
    section(`${t("events")} (${events.length})`, h("ul", { class: "event-list" }, events.map(eventRow))),
  );
};
