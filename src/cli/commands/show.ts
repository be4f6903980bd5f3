import { actorLabel, formatDate } from "../format.js";
import { dbPath, fail } from "../options.js";

export interface ShowOptions {
  db?: string;
  json?: boolean;
}

/** `kaidan show <event>`: the event card, as text or as JSON. */
export async function showCommand(id: string, opts: ShowOptions): Promise<void> {
  const { openDatabase } = await import("../../store/database.js");
  const { eventCard, findEventsByName } = await import("../../query/index.js");
  const db = openDatabase(dbPath(opts.db), { readonly: true });
  try {
    let card = eventCard(db, id);
    if (!card) {
      const named = findEventsByName(db, id);
      if (named.length === 1) card = eventCard(db, named[0]!.id);
      else if (named.length > 1) {
        fail(
          `'${id}' names ${named.length} events: ${named.map((e) => `${e.id} (${formatDate(e.date)})`).join(", ")}`,
        );
        return;
      }
    }
    if (!card) {
      fail(`no event '${id}' (ids look like ev-2024-1c99f03f09; see 'kaidan timeline')`);
      return;
    }
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(card, null, 2)}\n`);
      return;
    }
    const out: string[] = [];
    const line = (s = "") => out.push(s);
    if (card.redirectedFrom)
      line(
        `(${card.redirectedFrom.id} ${card.redirectedFrom.reason === "report" ? "is a report of" : `was ${card.redirectedFrom.reason} into`} ${card.id})`,
      );
    line(`${card.name.ja} / ${card.name.en}`);
    line(`  id      ${card.id}`);
    line(`  type    ${card.type}${card.mode ? ` (${card.mode})` : ""}`);
    line(
      `  status  ${card.status}${card.statusHistory.length > 1 ? `  — ${card.statusHistory.map((s) => `${s.status} ${s.published ?? "?"} (${s.doc})`).join(" → ")}` : ""}`,
    );
    line(`  date    ${formatDate(card.date)}`);
    if (card.place)
      line(
        `  place   ${card.place.ja} / ${card.place.en}${card.place.country ? ` (${card.place.country})` : ""}`,
      );
    if (card.object) line(`  object  ${card.object}`);
    line("participants");
    for (const p of card.participants) line(`  ${p.role.padEnd(9)} ${actorLabel(p)}`);
    if (card.delegations.length) {
      line("delegations");
      for (const d of card.delegations) line(`  ${d.state ?? "?"}: ${d.members.map(actorLabel).join("; ")}`);
    }
    if (card.outcomes.length) {
      line("outcomes");
      for (const e of card.outcomes) line(`  ${formatDate(e.date)}  ${e.name.ja}  [${e.id}]`);
    }
    if (card.quotes.length) {
      line("quotes");
      for (const q of card.quotes)
        line(`  ${q.speaker?.ja ?? q.speakerText ?? "?"}: 「${q.text}」 (${q.doc})`);
    }
    if (card.reactions.events.length || card.reactions.quotes.length) {
      line("reactions");
      for (const e of card.reactions.events) line(`  ${formatDate(e.date)}  ${e.name.ja}  [${e.id}]`);
      for (const q of card.reactions.quotes) line(`  ${q.speaker?.ja ?? "?"}: 「${q.text}」 (${q.doc})`);
    }
    if (card.series.all.length > 1) {
      line("series");
      for (const e of card.series.all)
        line(`  ${e.id === card.id ? "▶" : " "} ${formatDate(e.date)}  ${e.name.ja}  [${e.id}]`);
    }
    line(`sources (${card.sources.length})`);
    for (const s of card.sources) {
      line(`  ${s.doc}  ${s.published ?? "?"}  ${s.title ?? ""}${s.url ? `  ${s.url}` : ""}`);
      for (const c of s.sentences) line(`      [${c.start}–${c.end}] ${c.text}`);
    }
    if (card.conflicts.length) {
      line("conflicts");
      for (const c of card.conflicts) line(`  ${c.field}: ${c.values.join(" | ")} → ${c.chosen} (${c.note})`);
    }
    process.stdout.write(`${out.join("\n")}\n`);
  } finally {
    db.close();
  }
}
