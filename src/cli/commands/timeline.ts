import type { EventSummary } from "../../query/types.js";
import { formatDate } from "../format.js";
import { dbPath, fail } from "../options.js";

export interface TimelineOptions {
  db?: string;
  lexicon?: string[];
  actor?: string;
  pair?: string;
  from?: string;
  to?: string;
  type?: string;
  status?: string;
  trip?: string;
  limit?: string;
  json?: boolean;
}

const list = (s?: string) =>
  s
    ?.split(",")
    .map((x) => x.trim())
    .filter(Boolean);

const line = (e: EventSummary) =>
  `${formatDate(e.date).padEnd(21)} ${e.status.padEnd(10)} ${`${e.type}${e.mode ? `:${e.mode}` : ""}`.padEnd(22)} ${e.name.ja}  [${e.id}]  ${e.sources} source${e.sources === 1 ? "" : "s"}`;

/** `kaidan timeline`: events by date, filtered; or the itinerary of one trip. */
export async function timelineCommand(opts: TimelineOptions): Promise<void> {
  const { openDatabase } = await import("../../store/database.js");
  const { findEvents, itinerary } = await import("../../query/index.js");
  const db = openDatabase(dbPath(opts.db), { readonly: true });
  try {
    if (opts.trip) {
      const it = itinerary(db, opts.trip);
      if (!it) return fail(`no event '${opts.trip}'`);
      if (opts.json) return void process.stdout.write(`${JSON.stringify(it, null, 2)}\n`);
      process.stdout.write(
        `${it.trip.name.ja} / ${it.trip.name.en}: ${it.from ?? "?"} – ${it.to ?? "?"}\n${it.stops.map(line).join("\n")}\n`,
      );
      return;
    }
    const needsLexicon = opts.actor || opts.pair;
    const lex = needsLexicon
      ? (await import("../../lexicon/lexicon.js")).loadLexicon(opts.lexicon ?? [])
      : null;
    const { actorId } = await import("../actor-arg.js");
    const pair = list(opts.pair);
    if (pair && pair.length !== 2) return fail("--pair takes two actors separated by a comma, e.g. RUS,PRK");
    const types = list(opts.type);
    const page = findEvents(db, {
      ...(opts.actor ? { actor: actorId(lex!, db, opts.actor) } : {}),
      ...(pair
        ? { pair: [actorId(lex!, db, pair[0]!), actorId(lex!, db, pair[1]!)] as [string, string] }
        : {}),
      from: opts.from,
      to: opts.to,
      types: types?.filter((t) => !t.includes(":")).map((t) => t.toUpperCase()),
      families: types?.filter((t) => t.includes(":")).map((t) => t.replace(/^consult/i, "CONSULT")),
      status: list(opts.status),
      limit: opts.limit ? Number(opts.limit) : 200,
    });
    if (opts.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
    process.stdout.write(page.items.map(line).join("\n") + (page.items.length ? "\n" : ""));
    if (page.next) process.stderr.write(`more events follow; use --limit or narrow with --from/--to\n`);
    if (page.items.length === 0) process.stderr.write("no events match\n");
  } finally {
    db.close();
  }
}
