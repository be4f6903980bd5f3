import { closeSync, openSync, writeSync } from "node:fs";
import { dbPath } from "../options.js";

export interface ExportOptions {
  format: string;
  out?: string;
  db?: string;
  lexicon?: string[];
  actor?: string;
  pair?: string;
  from?: string;
  to?: string;
  type?: string;
  status?: string;
}

const list = (s?: string) =>
  s
    ?.split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** `kaidan export --format …`: writes the selected events in one of the export formats. */
export async function exportCommand(opts: ExportOptions): Promise<void> {
  const { writeExport } = await import("../../export/index.js");
  type Format = Parameters<typeof writeExport>[1];
  const format = opts.format as Format;
  const fd = opts.out ? openSync(opts.out, "w") : null;
  const write =
    fd === null ? (s: string) => void process.stdout.write(s) : (s: string) => void writeSync(fd, s);
  try {
    if (format === "schema") {
      writeExport(null as never, format, {}, write);
      return;
    }
    const { openDatabase } = await import("../../store/database.js");
    const { loadLexicon } = await import("../../lexicon/lexicon.js");
    const { actorId } = await import("../actor-arg.js");
    const db = openDatabase(dbPath(opts.db), { readonly: true });
    try {
      const lex = loadLexicon(opts.lexicon ?? []);
      const pair = list(opts.pair);
      if (pair && pair.length !== 2)
        throw new Error("--pair takes two actors separated by a comma, e.g. RUS,PRK");
      const types = list(opts.type);
      const n = writeExport(
        db,
        format,
        {
          ...(opts.actor ? { actor: actorId(lex, db, opts.actor) } : {}),
          ...(pair
            ? { pair: [actorId(lex, db, pair[0]!), actorId(lex, db, pair[1]!)] as [string, string] }
            : {}),
          from: opts.from,
          to: opts.to,
          types: types?.filter((t) => !t.includes(":")).map((t) => t.toUpperCase()),
          families: types?.filter((t) => t.includes(":")),
          status: list(opts.status),
        },
        write,
        lex,
      );
      if (opts.out)
        process.stderr.write(
          `${n} ${format.endsWith("xf") || format === "graphml" ? "ties" : "records"} → ${opts.out}\n`,
        );
    } finally {
      db.close();
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
