/**
 * The event card, laid out like an encyclopaedia's summit infobox —
 * 日付 / 場所 / 関係者 / 出典 — where every value carries numbered links to
 * the sentences that give it, and a reference list of every cited sentence.
 */
import { get, seg } from "../api";
import { type Child, externalLink, h, replace } from "../dom";
import { formatDate, lang, name, t, typeLabel } from "../i18n";
import type { View } from "../router";
import type { Citation, EventCard, FieldValue, Quote } from "../types";
import { actorHref, citationLinks, eventHref, eventRow, link, section, spanHref, statusBadge } from "../ui";

export const eventView: View = async ({ root, params, signal }) => {
  const card = await get<EventCard>(`events/${seg(params[0]!)}`, {}, signal);
  // a retired or report id shows the live event under its own address
  if (card.id !== params[0]) window.history.replaceState(null, "", eventHref(card.id));
  document.title = `${name(card.name)} — kaidan`;

  // every cited sentence gets one number, in the order the card first cites it
  const numbers = new Map<string, number>();
  const refs: Citation[] = [];
  const key = (c: Citation) => `${c.doc}\u0000${c.start}\u0000${c.end}`;
  const number = (c: Citation) => {
    let n = numbers.get(key(c));
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(key(c), n);
      refs.push(c);
    }
    return n;
  };
  const sentences = card.sources.flatMap((s) => s.sentences);
  /** The spans that give a value, else the sentences of the reports that give it. */
  const citesOf = (fv: FieldValue | undefined): Citation[] => {
    if (!fv) return [];
    if (fv.citations.length) return fv.citations;
    return sentences.filter((s) => fv.reports.includes(s.report)).slice(0, 3);
  };
  const field = (f: string) => card.fields[f] ?? [];
  const cites = (cs: Citation[]) => (cs.length ? citationLinks(cs, card.id, number) : null);
  const allCites = (f: string) => cites(field(f).flatMap(citesOf));

  const participant = (p: EventCard["participants"][number]): HTMLElement => {
    const title = p.titles[0] ?? p.officeTitle;
    const fv = field("participants").find((v) => v.value === p.id);
    return h(
      "li",
      { "data-actor": p.id },
      link(actorHref(p.id), null, name(p)),
      title ? h("span", { class: "muted" }, ` ${title}`) : null,
      p.represents && p.represents !== p.id ? h("span", { class: "muted" }, ` (${p.represents})`) : null,
      p.role === "recipient"
        ? h("span", { class: "muted" }, lang() === "ja" ? " ・受け入れ側" : " · host")
        : null,
      " ",
      cites(citesOf(fv)),
    );
  };

  const row = (label: string, testid: string, ...value: Child[]) =>
    h("tr", { "data-testid": `row-${testid}` }, h("th", { scope: "row" }, label), h("td", null, ...value));

  const quote = (x: Quote) =>
    h(
      "li",
      null,
      link(spanHref(x.doc, x, card.id), { class: "quote" }, `「${x.text}」`),
      " — ",
      x.speaker ? link(actorHref(x.speaker.id), null, name(x.speaker)) : (x.speakerText ?? t("unattributed")),
    );

  const infobox = h(
    "table",
    { class: "infobox", "data-testid": "infobox" },
    h(
      "caption",
      null,
      h("span", { class: "infobox-name" }, name(card.name)),
      h("span", { class: "infobox-alt" }, lang() === "ja" ? card.name.en : card.name.ja),
    ),
    h(
      "tbody",
      null,
      row(t("date"), "date", formatDate(card.date), " ", allCites("date")),
      row(t("place"), "place", card.place ? name(card.place) : "—", " ", allCites("place")),
      row(t("participants"), "participants", h("ul", { class: "plain" }, card.participants.map(participant))),
      card.delegations.length
        ? row(
            t("delegations"),
            "delegations",
            h(
              "ul",
              { class: "plain" },
              card.delegations.flatMap((d) => d.members.map(participant)),
            ),
          )
        : null,
      row(t("type"), "type", typeLabel(card.type), card.mode ? ` (${card.mode})` : "", " ", allCites("type")),
      row(t("status"), "status", statusBadge(card.status), " ", allCites("status")),
      card.object ? row(t("object"), "object", card.object, " ", allCites("object")) : null,
      card.score !== null ? row(t("score"), "score", String(card.score)) : null,
      row(
        t("sources"),
        "sources",
        h(
          "ol",
          { class: "plain sources" },
          card.sources.map((s) =>
            h(
              "li",
              null,
              link(
                s.sentences[0]
                  ? spanHref(s.doc, s.sentences[0], card.id)
                  : `/doc/${encodeURIComponent(s.doc)}?event=${encodeURIComponent(card.id)}`,
                { class: "source-link", "data-testid": "source-link", title: s.sentences[0]?.text ?? "" },
                s.title ?? s.doc,
              ),
              h("span", { class: "muted" }, ` ${s.published ?? ""}`),
            ),
          ),
        ),
      ),
    ),
  );

  const statusSteps =
    card.statusHistory.length > 1
      ? section(
          t("statusHistory"),
          h(
            "ol",
            { class: "plain" },
            card.statusHistory.map((s) =>
              h(
                "li",
                null,
                h("span", { class: "date" }, s.published ?? "—"),
                " ",
                statusBadge(s.status),
                " ",
                link(`/doc/${encodeURIComponent(s.doc)}?event=${encodeURIComponent(card.id)}`, null, s.doc),
              ),
            ),
          ),
        )
      : null;

  const seriesList =
    card.series.all.length > 1
      ? section(
          t("series"),
          h(
            "p",
            null,
            card.series.previous
              ? link(
                  eventHref(card.series.previous.id),
                  { class: "prev" },
                  `← ${name(card.series.previous.name)}`,
                )
              : null,
            card.series.previous && card.series.next ? " · " : null,
            card.series.next
              ? link(eventHref(card.series.next.id), { class: "next" }, `${name(card.series.next.name)} →`)
              : null,
          ),
          h(
            "ul",
            { class: "event-list" },
            card.series.all.map((e) => {
              const li = eventRow(e);
              if (e.id === card.id) li.classList.add("selected");
              return li;
            }),
          ),
        )
      : null;

  // numbers are given as the infobox is built; the reference list comes last
  const references = section(
    t("cited"),
    h(
      "ol",
      { class: "references", "data-testid": "references" },
      refs.map((c) => {
        const src = card.sources.find((s) => s.doc === c.doc);
        return h(
          "li",
          null,
          link(spanHref(c.doc, c, card.id), { class: "ref" }, `“${c.text}”`),
          h("span", { class: "muted" }, ` — ${src?.title ?? c.doc} ${src?.published ?? ""} `),
          src?.url ? externalLink(src.url, "↗") : null,
        );
      }),
    ),
  );

  replace(
    root,
    h(
      "div",
      { class: "card-layout" },
      infobox,
      h(
        "div",
        { class: "card-main" },
        h("h1", { "data-testid": "event-name" }, name(card.name)),
        card.redirectedFrom
          ? h("p", { class: "muted" }, `${t("redirected")}: ${card.redirectedFrom.id}`)
          : null,
        h(
          "p",
          { class: "lead" },
          formatDate(card.date),
          card.place ? ` · ${name(card.place)}` : "",
          " · ",
          statusBadge(card.status),
          " · ",
          `${card.sources.length} ${t("sources")}`,
        ),
        card.quotes.length
          ? section(t("quotes"), h("ul", { class: "quote-list" }, card.quotes.map(quote)))
          : null,
        card.outcomes.length
          ? section(t("outcomes"), h("ul", { class: "event-list" }, card.outcomes.map(eventRow)))
          : null,
        card.reactions.events.length || card.reactions.quotes.length
          ? section(
              t("reactions"),
              h("ul", { class: "event-list" }, card.reactions.events.map(eventRow)),
              h("ul", { class: "quote-list" }, card.reactions.quotes.map(quote)),
            )
          : null,
        statusSteps,
        seriesList,
        card.conflicts.length
          ? section(
              t("conflicts"),
              h(
                "ul",
                null,
                card.conflicts.map((c) =>
                  h("li", null, `${c.field}: ${c.values.join(" / ")} → ${c.chosen} (${c.note})`),
                ),
              ),
            )
          : null,
        references,
      ),
    ),
  );
};
