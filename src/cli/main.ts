#!/usr/bin/env node
/**
 * The kaidan command line. Commands load what they need when they run, so
 * that `kaidan --help` starts in a blink.
 */
import { Command, Option } from "commander";
import { collect } from "./options.js";

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
  .command("demo")
  .description(
    "ingest the bundled examples into a database and print what was found (the README's first command)",
  )
  .addOption(dbOption)
  .action(async (opts) => (await import("./commands/demo.js")).demoCommand(opts));

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`kaidan: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
