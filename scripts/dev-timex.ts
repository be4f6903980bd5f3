import { findQuotations } from "../src/analyse/brackets.js";
import { apparatusZones } from "../src/analyse/zones.js";
import { tagTimex } from "../src/extract/timex/tagger.js";
import { normalise } from "../src/normalise/normalise.js";
import { toRawSpan } from "../src/normalise/offset-text.js";
import { ReadError, readPaths } from "../src/read/index.js";

for (const d of readPaths(process.argv.slice(2))) {
  if (d instanceof ReadError) {
    console.error(d.message);
    continue;
  }
  const n = normalise(d.body);
  const quotes = findQuotations(n.text).map((q) => ({ start: q.innerStart, end: q.innerEnd }));
  for (const t of tagTimex(n.text, { published: d.published, quotes, exclude: apparatusZones(n.text) })) {
    const r = toRawSpan(n, t.start, t.end);
    console.log(
      JSON.stringify({
        kind: "timex",
        doc: d.id,
        start: r.start,
        end: r.end,
        text: d.body.slice(r.start, r.end),
        value: t.value,
        rule: t.rule,
      }),
    );
  }
}
