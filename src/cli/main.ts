#!/usr/bin/env -S node --max-semi-space-size=32
/**
 * The kaidan command line. Commands load what they need when they run, so
 * that `kaidan --help` starts in a blink.
 */
import { Command, Option } from "commander";

/**
 * Repeatable options (`--lexicon DIR`). Defined here rather than taken from
 * ./options.js, which loads the YAML and schema libraries `--help` does not need.
 */
const collect = (value: string, previous: string[] = []) => [...previous, value];

const program = new Command();

program
  .name("kaidan")
  .description(
    "kaidan (会談) reads Japanese news about international affairs and records diplomatic events —\n" +
      "who met whom, when, where, what was said — each cited to the sentences that report it.",
  )
  .version("0.1.0")
  .showHelpAfterError();

const lexiconOption = new Option(
  "--lexicon <dir>",
  "extra lexicon folder (repeatable), read after the bundled data",
).argParser(collect);
const dbOption = new Option("--db <file>", "SQLite database (default: $KAIDAN_DB or ./kaidan.db)");

program
  .command("ingest")
  .description(
    "read documents (Markdown/text with front matter, HTML, JSON Lines; folders recursively), extract and store them",
  )
  .argument("<paths...>", "files or folders")
  .addOption(dbOption)
  .addOption(lexiconOption)
  .option("-q, --quiet", "no progress bar and no summary")
  .option("--json", "print the summary as JSON")
  .option(
    "--workers <n>",
    "analyse on this many worker threads while this one writes (0: analyse here; default 0)",
  )
  .option(
    "--batch <n>",
    "documents stored per transaction at most (each whole; a crash loses the open batch only; default 1000)",
  )
  .action(async (paths: string[], opts) => {
    await (await import("./commands/ingest.js")).ingestCommand(paths, opts);
  });

program
  .command("extract")
  .description(
    "extract events, dates and quotations without a database and print them (../shared/eval/CONTRACT.md)",
  )
  .argument("<paths...>", "files or folders")
  .addOption(new Option("-f, --format <format>", "output format").choices(["jsonl", "json"]).default("jsonl"))
  .addOption(lexiconOption)
  .action(async (paths: string[], opts) =>
    (await import("./commands/extract.js")).extractCommand(paths, opts),
  );

program
  .command("eval")
  .description(
    "extract the documents of a gold folder and score them (precision, recall, F1 of events, dates, quotes)",
  )
  .argument(
    "<folder>",
    "a folder of <id>.md documents with <id>.json gold files (../shared/eval/GUIDELINES.md)",
  )
  .option("--gold <folder>", "the gold files' folder, when it is not the documents' folder")
  .option("-v, --verbose", "list the missed gold items and the spurious predictions")
  .option("--json", "print the scores as JSON")
  .addOption(lexiconOption)
  .action(async (folder: string, opts) => (await import("./commands/eval.js")).evalCommand(folder, opts));

program
  .command("actors")
  .description(
    "search the people, states and organisations kaidan knows (and, with a database, how often each is mentioned)",
  )
  .argument("[query]", "part of a name in any spelling (金正恩, キム, Putin), an id, or a country code")
  .option("--date <iso>", "show the offices held on this date", undefined)
  .addOption(dbOption)
  .addOption(lexiconOption)
  .option("--json", "print JSON")
  .action(async (query: string | undefined, opts) =>
    (await import("./commands/actors.js")).actorsCommand(query, opts),
  );

program
  .command("show")
  .description(
    "print an event card: name, date, place, participants, outcomes, quotes, reactions, series, sources",
  )
  .argument(
    "<event>",
    "an event id (ev-2024-…), a retired id, a report id (doc#e1), or an event's exact name",
  )
  .addOption(dbOption)
  .option("--json", "print the whole card as JSON")
  .action(async (event: string, opts) => (await import("./commands/show.js")).showCommand(event, opts));

program
  .command("timeline")
  .description(
    "list events by date, filtered by actor, pair, dates, type and status; or one trip's itinerary",
  )
  .addOption(dbOption)
  .addOption(lexiconOption)
  .option("--actor <actor>", "a person, state or organisation (id or any name: RUS, プーチン, kim-jong-un)")
  .option("--pair <a,b>", "two actors who both take part (RUS,PRK or vladimir-putin,kim-jong-un)")
  .option("--from <date>", "first start date (YYYY, YYYY-MM or YYYY-MM-DD)")
  .option("--to <date>", "last start date")
  .option("--type <types>", "PLOVER types or families, comma-separated (CONSULT, SUPPORT, CONSULT:visit)")
  .option("--status <statuses>", "occurred, planned, speculated, cancelled, denied (comma-separated)")
  .option("--trip <event>", "the itinerary of the trip this visit event belongs to")
  .option("--limit <n>", "at most this many events", "200")
  .option("--json", "print JSON")
  .action(async (opts) => (await import("./commands/timeline.js")).timelineCommand(opts));

program
  .command("relations")
  .description("relations of two states per month: event counts and PLOVER cooperation–conflict scores")
  .argument("<a>", "a state (RUS, ロシア, 露)")
  .argument("<b>", "another state")
  .addOption(dbOption)
  .addOption(lexiconOption)
  .option("--from <date>", "first month (YYYY or YYYY-MM)")
  .option("--to <date>", "last month")
  .option("--json", "print JSON")
  .action(async (a: string, b: string, opts) =>
    (await import("./commands/relations.js")).relationsCommand(a, b, opts),
  );

program
  .command("network")
  .description("who met whom: ties between actors weighted by meetings, visits and calls, with their dates")
  .addOption(dbOption)
  .addOption(lexiconOption)
  .option("--actor <actor>", "only this actor's ties")
  .option("--from <date>", "first date")
  .option("--to <date>", "last date")
  .option("--states", "ties between the states the participants represent")
  .option("--json", "print JSON")
  .action(async (opts) => (await import("./commands/network.js")).networkCommand(opts));

program
  .command("export")
  .description(
    "export events: PLOVER JSONL, ACLED-style CSV, TimelineJS, GEXF, GraphML, or the JSONL's JSON Schema",
  )
  .addOption(
    new Option("-f, --format <format>", "output format")
      .choices(["jsonl", "csv", "actors-csv", "timelinejs", "timelinejs-csv", "gexf", "graphml", "schema"])
      .makeOptionMandatory(),
  )
  .option("-o, --out <file>", "write to this file instead of standard output")
  .addOption(dbOption)
  .addOption(lexiconOption)
  .option("--actor <actor>", "only events this actor takes part in")
  .option("--pair <a,b>", "only events both take part in")
  .option("--from <date>", "first start date")
  .option("--to <date>", "last start date")
  .option("--type <types>", "PLOVER types or families, comma-separated")
  .option("--status <statuses>", "statuses, comma-separated")
  .action(async (opts) => (await import("./commands/export.js")).exportCommand(opts));

program
  .command("resolve")
  .description(
    "resolve every stored report into events again (after upgrading a database or changing the lexicon)",
  )
  .addOption(dbOption)
  .addOption(lexiconOption)
  .option("--json", "print the summary as JSON")
  .action(async (opts) => (await import("./commands/resolve.js")).resolveCommand(opts));

program
  .command("reindex")
  .description(
    "build the full-text indexes of documents, quotations and events again from their rows (for rows written " +
      "into the database other than by kaidan)",
  )
  .addOption(dbOption)
  .option("--json", "print the summary as JSON")
  .action(async (opts) => (await import("./commands/reindex.js")).reindexCommand(opts));

program
  .command("backup")
  .description(
    "copy the database to a file with SQLite's online backup (safe while ingestion or the server runs), checked before it is named",
  )
  .argument("<file>", "the backup file to write (refused if it exists, unless --force)")
  .addOption(dbOption)
  .option("--force", "replace an existing backup file")
  .option("--json", "print the summary as JSON")
  .action(async (file: string, opts) => (await import("./commands/backup.js")).backupCommand(file, opts));

program
  .command("restore")
  .description(
    "replace the database's content with a backup's, in place through SQLite's backup API, so that a running server " +
      "sees the old content or the new, never a broken file; the backup is checked and migrated first, and the " +
      "current content is kept in <db>.before-restore-<time>",
  )
  .argument("<file>", "a backup made by kaidan backup (any schema version up to this kaidan's)")
  .addOption(dbOption)
  .option("--no-keep", "do not back up the current content first")
  .option("--json", "print the summary as JSON")
  .action(async (file: string, opts) => (await import("./commands/backup.js")).restoreCommand(file, opts));

program
  .command("serve")
  .description("serve the web page and the JSON API (OpenAPI at /api/openapi.json) over a database")
  .addOption(dbOption)
  .option("--host <host>", "interface to listen on", "127.0.0.1")
  .option("--port <port>", "port (0 picks a free one)", "8787")
  .option(
    "--token <token>",
    "allow the write routes (ingest by upload or paste) with this bearer token (or $KAIDAN_TOKEN)",
  )
  .option("--cors <origin>", "let pages from this origin call the API (repeatable; none by default)", collect)
  .option(
    "--allow-host <name>",
    "answer to this Host name too (repeatable; loopback names only by default)",
    collect,
  )
  .addOption(lexiconOption)
  .action(async (opts) => (await import("./commands/serve.js")).serveCommand(opts));

program
  .command("demo")
  .description(
    "ingest the bundled examples into a fresh database and serve the web page over it (the README's first command)",
  )
  .addOption(dbOption)
  .option("--no-serve", "only ingest and print the summary")
  .option("--host <host>", "interface to listen on", "127.0.0.1")
  .option("--port <port>", "port (default 8787, or a free one when it is taken; 0 picks a free one)")
  .action(async (opts) => (await import("./commands/demo.js")).demoCommand(opts));

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`kaidan: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
