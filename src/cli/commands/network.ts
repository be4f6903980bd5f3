import { dbPath } from "../options.js";

export interface NetworkOptions {
  db?: string;
  lexicon?: string[];
  actor?: string;
  from?: string;
  to?: string;
  states?: boolean;
  json?: boolean;
}

/** `kaidan network`: who met whom, how often and when. */
export async function networkCommand(opts: NetworkOptions): Promise<void> {
  const { openDatabase } = await import("../../store/database.js");
  const { network } = await import("../../query/index.js");
  const db = openDatabase(dbPath(opts.db), { readonly: true });
  try {
    let actor: string | undefined;
    if (opts.actor) {
      const { loadLexicon } = await import("../../lexicon/lexicon.js");
      const { actorId } = await import("../actor-arg.js");
      actor = actorId(loadLexicon(opts.lexicon ?? []), db, opts.actor);
    }
    const net = network(db, {
      level: opts.states ? "states" : "actors",
      actor,
      from: opts.from,
      to: opts.to,
    });
    if (opts.json) return void process.stdout.write(`${JSON.stringify(net, null, 2)}\n`);
    const name = new Map(net.nodes.map((n) => [n.id, n.ja]));
    const edges = [...net.edges].sort(
      (x, y) => y.weight - x.weight || (x.first ?? "").localeCompare(y.first ?? ""),
    );
    process.stdout.write(
      edges
        .map(
          (e) =>
            `${String(e.weight).padStart(3)}  ${name.get(e.source)} – ${name.get(e.target)}  ${e.meetings.map((m) => m.date ?? "?").join(", ")}`,
        )
        .join("\n") + (edges.length ? "\n" : ""),
    );
    process.stderr.write(`${net.nodes.length} actors, ${net.edges.length} ties\n`);
  } finally {
    db.close();
  }
}
