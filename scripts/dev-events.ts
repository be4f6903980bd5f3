// Prints the events and quotes of documents with their evidence, for development.
import { contractLines } from "../src/extract/contract.js";
import { findCandidates } from "../src/extract/events/extract.js";
import { extractionOf } from "../src/pipeline/extraction.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { ReadError, readPaths } from "../src/read/index.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a development printout of loosely shaped lines
type Line = any;
const p = createExtractionPipeline();
const showCandidates = process.env.CANDIDATES === "1";
for (const item of readPaths(process.argv.slice(2))) {
  if (item instanceof ReadError) continue;
  const doc = await p.process(item);
  console.log(`=== ${item.id}`);
  if (showCandidates) {
    for (const c of findCandidates(doc, p.ctx)) {
      console.log(
        `  cand ${c.type}/${c.mode} ${c.status} ${c.timex?.value ?? "-"}(${c.dateSource}) [${c.actors.map((a) => a.ja).join(",")}] -> [${c.recipients.map((a) => a.ja).join(",")}] @${c.place?.id ?? "-"} «${doc.norm.text.slice(c.triggerStart, c.triggerEnd)}» ${doc.norm.text.slice(c.sentence.start, c.sentence.end).slice(0, 70)}`,
      );
    }
  }
  for (const l of contractLines(doc, extractionOf(doc), p.ctx.lexicon) as Line[]) {
    if (l.kind === "event")
      console.log(
        `  EVENT ${l.type}/${l.mode} ${l.status} ${l.date?.start}..${l.date?.end}(${l.date?.source}) [${l.actors.map((a: { role: string; names: string[] }) => `${a.role}:${a.names[1] ?? a.names[0]}`).join(", ")}] @${l.place?.names?.[0] ?? "-"} «${l.trigger}» ${l.evidence.map((e: { text: string }) => e.text.slice(0, 50)).join(" | ")}`,
      );
    if (l.kind === "quote" || l.kind === "statement")
      console.log(
        `  ${l.kind.toUpperCase()} ${l.speaker.names?.[1] ?? l.speaker.names?.[0] ?? "?"}(${l.speaker.kind}) «${l.text.slice(0, 40)}» ${l.verb ?? ""}`,
      );
  }
}
