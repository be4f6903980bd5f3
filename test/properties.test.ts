/**
 * Fuzzing and properties (fast-check) over the parts that meet arbitrary
 * text: the date normaliser, the sentence splitter, the offsets of every
 * extracted item through the whole pipeline, and the readers of front
 * matter, HTML and JSON Lines. No exception escapes, and every output is
 * well-formed: spans inside their text and slicing to what they cite, dates
 * that exist on the calendar, sentences in order that cover the text.
 *
 * The random texts are built from realistic fragments (sentences of the
 * bundled examples cut at random, dates in every notation, names, quotes,
 * reading glosses, half-width katakana, surrogate pairs, odd spaces and
 * line breaks), so that the generators reach the code that matters. A
 * failure prints its seed and the shrunk counterexample.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import { splitSentences } from "../src/analyse/sentences.js";
import { contractLines } from "../src/extract/contract.js";
import { tagTimex } from "../src/extract/timex/tagger.js";
import { normalise } from "../src/normalise/normalise.js";
import { citeSpan } from "../src/pipeline/document.js";
import { extractionOf } from "../src/pipeline/extraction.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { type ReadError, readFile, type SourceDocument } from "../src/read/index.js";
import { textDocument } from "./helpers/source.js";
import { readHtml } from "../src/read/html.js";
import { readMarkdown } from "../src/read/markdown.js";
import { parsePublished } from "../src/read/published.js";
import { examplesDir } from "./helpers/shared.js";

const RUNS = Number(process.env.KAIDAN_FUZZ_RUNS ?? 0) || undefined;
const runs = (n: number) => ({ numRuns: RUNS ?? n });

// ---- fragments ----

/** Sentences of the bundled examples, the raw material of realistic text. */
const exampleSentences = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".md"))
  .flatMap((f) =>
    readFileSync(join(examplesDir, f), "utf8")
      .split(/\n---\n/)
      .slice(1)
      .join("")
      .split(/(?<=。)/),
  )
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const pad2 = (n: number) => String(n).padStart(2, "0");
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const kanjiDigits = (n: number) =>
  String(n)
    .split("")
    .map((d) => "〇一二三四五六七八九"[Number(d)])
    .join("");

/** A calendar date and the ways Japanese news writes it. */
const dateArb = fc
  .record({
    y: fc.integer({ min: 1990, max: 2035 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .chain(({ y, m, d }) =>
    fc.constantFrom(
      `${y}年${m}月${d}日`,
      `${y}/${m}/${d}`,
      `${y}.${pad2(m)}.${pad2(d)}`,
      toFullWidth(`${y}年${m}月${d}日`),
      `${kanjiDigits(y)}年${m}月${d}日`,
      `令和${(y % 10) + 1}年${m}月${d}日`,
      `${m}月${d}日`,
      `${d}日`,
      `${m}月上旬`,
      `${y}年${m}月`,
      `${y}年`,
      `${d}日未明`,
      `日本時間の${d}日夜`,
    ),
  );

const wordArb = fc.constantFrom(
  "昨年",
  "去年",
  "ことし",
  "今年",
  "来年",
  "今月",
  "先月",
  "来月",
  "同日",
  "この日",
  "前日",
  "翌日",
  "3日後",
  "週明け",
  "金曜日",
  "プーチン大統領",
  "金正恩総書記",
  "ｷﾑ･ｼﾞｮﾝｳﾝ総書記",
  "ラブロフ外相",
  "両首脳",
  "同氏",
  "露朝",
  "日米韓",
  "錦繍山(クムスサン)",
  "平壌",
  "は",
  "と",
  "が",
  "で",
  "会談した。",
  "訪問した。",
  "署名した。",
  "電話で会談し、",
  "予定だ。",
  "「非核化を支持する」と述べた。",
  "「『完全な非核化』だ」と強調した。",
  "(注)",
  "【ソウル=共同】",
  "𠮷",
  "ｶﾞ",
  "　",
  " ",
  "\n",
  "\r\n",
  "\n\n",
  "―",
  "‐",
  "・",
  "「",
  "」",
  "(",
  ")",
  "。",
  "!?",
);

/** A piece of an example sentence, cut anywhere (but never inside a surrogate pair). */
const sentencePieceArb = fc
  .record({ s: fc.constantFrom(...exampleSentences), a: fc.nat(), b: fc.nat() })
  .map(({ s, a, b }) => {
    const chars = [...s];
    const i = a % (chars.length + 1);
    const j = i + (b % (chars.length + 1 - i));
    return chars.slice(i, j).join("");
  });

/** Realistic Japanese news text: whole sentences, pieces of them, dates, names, noise. */
const newsTextArb = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...exampleSentences) },
      { weight: 2, arbitrary: sentencePieceArb },
      { weight: 3, arbitrary: dateArb },
      { weight: 4, arbitrary: wordArb },
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const isoPublishedArb = fc.option(
  fc
    .date({ min: new Date("1995-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  { nil: null },
);

// ---- checks ----

function validIso(value: string, granularity: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const parts = value.split("-").length;
  if ((granularity === "year" && parts !== 1) || (granularity === "month" && parts !== 2)) return false;
  if (granularity === "day" && parts !== 3) return false;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (mo < 1 || mo > 12) return false;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

/** Every `{start, end, text}` with numeric offsets anywhere inside a value. */
function citedSpans(
  x: unknown,
  out: { start: number; end: number; text: string; path: string }[] = [],
  path = "",
) {
  if (!x || typeof x !== "object") return out;
  if (Array.isArray(x)) {
    x.forEach((v, i) => citedSpans(v, out, `${path}[${i}]`));
    return out;
  }
  const r = x as Record<string, unknown>;
  if (typeof r.start === "number" && typeof r.end === "number" && typeof r.text === "string")
    out.push({ start: r.start, end: r.end, text: r.text, path });
  for (const [k, v] of Object.entries(r)) citedSpans(v, out, `${path}.${k}`);
  return out;
}

const splitsSurrogatePair = (s: string, i: number) =>
  i > 0 && i < s.length && /[\uD800-\uDBFF]/.test(s[i - 1]!) && /[\uDC00-\uDFFF]/.test(s[i]!);

// ---- the date normaliser ----

describe("properties: the date normaliser", () => {
  it("finds well-formed dates in any text: spans in order that slice their text, real calendar values", () => {
    fc.assert(
      fc.property(newsTextArb, isoPublishedArb, (text, published) => {
        const norm = normalise(text).text;
        const found = tagTimex(norm, { published });
        let last = 0;
        for (const t of found) {
          assert.ok(t.start >= last && t.start < t.end && t.end <= norm.length, JSON.stringify(t));
          assert.equal(norm.slice(t.start, t.end), t.text);
          assert.ok(validIso(t.value, t.granularity), `${t.text} → ${t.value} (${t.granularity})`);
          if (t.alternative) assert.ok(/^\d{4}(-\d{2}){0,2}$/.test(t.alternative));
          last = t.end;
        }
      }),
      runs(400),
    );
  });

  it("reads every absolute date as itself, wherever it stands", () => {
    const valid = fc
      .date({ min: new Date("1950-01-01"), max: new Date("2049-12-31"), noInvalidDate: true })
      .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }));
    fc.assert(
      fc.property(
        valid,
        newsTextArb,
        newsTextArb,
        isoPublishedArb,
        ({ y, m, d }, before, after, published) => {
          const written = `${y}年${m}月${d}日`;
          // a boundary on either side, so that the date is not glued to a neighbouring number
          const text = normalise(`${before}。${written}、${after}`).text;
          const at = text.indexOf(`。${written}、`) + 1;
          const hit = tagTimex(text, { published }).find(
            (t) => t.start <= at && t.end >= at + written.length,
          );
          assert.ok(hit, `${written} not found in ${text}`);
          assert.equal(hit.value, `${y}-${pad2(m)}-${pad2(d)}`);
        },
      ),
      runs(300),
    );
  });

  it("parses publication dates or refuses them with an Error, never anything else", () => {
    const anything = fc.oneof(
      fc.string(),
      dateArb,
      fc.date({ noInvalidDate: false }),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
      isoPublishedArb,
      fc
        .record({
          y: fc.integer({ min: 0, max: 9999 }),
          m: fc.integer({ min: 0, max: 13 }),
          d: fc.integer({ min: 0, max: 32 }),
        })
        .map(({ y, m, d }) => `${y}-${m}-${d}T10:00:00+09:00`),
    );
    fc.assert(
      fc.property(anything, (v) => {
        let out: string | null;
        try {
          out = parsePublished(v);
        } catch (e) {
          assert.ok(e instanceof Error && e.message.length > 0 && !e.message.includes("\n"));
          return;
        }
        if (out !== null)
          assert.ok(
            validIso(out, ["", "year", "month", "day"][out.split("-").length]!),
            `${String(v)} → ${out}`,
          );
      }),
      runs(1000),
    );
  });
});

// ---- the sentence splitter ----

describe("properties: the sentence splitter", () => {
  it("gives sentences in order, inside one line, trimmed, covering every character but spaces and breaks", () => {
    fc.assert(
      fc.property(newsTextArb, (raw) => {
        const text = normalise(raw).text;
        const sentences = splitSentences(text);
        const covered = new Uint8Array(text.length);
        let last = 0;
        sentences.forEach((s, i) => {
          assert.equal(s.index, i);
          assert.ok(s.start >= last && s.start < s.end && s.end <= text.length, JSON.stringify(s));
          const body = text.slice(s.start, s.end);
          assert.ok(!body.includes("\n"), `a sentence spans a line break: ${JSON.stringify(body)}`);
          assert.equal(body, body.trim().length === body.length ? body : body.replace(/^ +| +$/g, ""));
          assert.ok(!/^ | $/.test(body), `untrimmed: ${JSON.stringify(body)}`);
          covered.fill(1, s.start, s.end);
          if (i > 0) assert.ok(s.paragraph >= sentences[i - 1]!.paragraph);
          last = s.end;
        });
        for (let i = 0; i < text.length; i++)
          if (!covered[i])
            assert.ok(/[ \n]/.test(text[i]!), `character ${i} ${JSON.stringify(text[i])} is in no sentence`);
      }),
      runs(500),
    );
  });
});

// ---- offsets through the whole pipeline ----

describe("properties: offsets of every extracted item", () => {
  const pipeline = createExtractionPipeline();

  it("every mention, date, event, piece of evidence and quotation cites raw text that its span slices", async (t) => {
    const seen = { events: 0, quotes: 0, timexes: 0, mentions: 0, spans: 0 };
    const doc = (body: string, published: string | null) => textDocument(body, published, "fuzz");
    await fc.assert(
      fc.asyncProperty(newsTextArb, isoPublishedArb, async (body, published) => {
        const analysed = await pipeline.process(doc(body, published));
        const extraction = extractionOf(analysed);
        seen.events += extraction.events.length;
        seen.quotes += extraction.quotes.length;
        seen.timexes += analysed.timexes.length;
        seen.mentions += analysed.resolved.length;
        const spans = [
          ...citedSpans(extraction),
          ...citedSpans(contractLines(analysed, extraction, pipeline.ctx.lexicon)),
        ];
        for (const s of spans) {
          assert.ok(
            s.start >= 0 && s.start <= s.end && s.end <= body.length,
            `${s.path}: ${s.start}-${s.end}`,
          );
          assert.equal(body.slice(s.start, s.end), s.text, s.path);
          assert.ok(!splitsSurrogatePair(body, s.start) && !splitsSurrogatePair(body, s.end), s.path);
        }
        // mentions and dates: their raw span reads, once normalised, as what was found in the normalised text
        const found = [
          ...analysed.resolved.map((r) => ({ start: r.mention.start, end: r.mention.end })),
          ...analysed.timexes,
        ];
        for (const f of found) {
          const raw = citeSpan(analysed, f.start, f.end);
          assert.ok(raw.start >= 0 && raw.start < raw.end && raw.end <= body.length);
          assert.ok(!splitsSurrogatePair(body, raw.start) && !splitsSurrogatePair(body, raw.end));
          const squeeze = (s: string) => s.replace(/\s+/g, "");
          assert.equal(
            squeeze(normalise(body.slice(raw.start, raw.end)).text),
            squeeze(analysed.norm.text.slice(f.start, f.end)),
            `raw ${JSON.stringify(body.slice(raw.start, raw.end))}`,
          );
        }
        seen.spans += spans.length;
      }),
      runs(150),
    );
    // the generated texts do reach events, quotations, dates and names
    t.diagnostic(JSON.stringify(seen));
    assert.ok(
      seen.events > 0 && seen.quotes > 0 && seen.timexes > 0 && seen.mentions > 0,
      JSON.stringify(seen),
    );
  });
});

// ---- readers ----

const dir = mkdtempSync(join(tmpdir(), "kaidan-fuzz-"));
after(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

/** Reads bytes as a file of the given extension; fails if anything but documents and ReadErrors comes out. */
function readBytes(bytes: Uint8Array | string, ext: string): (SourceDocument | ReadError)[] {
  const path = join(dir, `f${fileNo++}${ext}`);
  writeFileSync(path, bytes);
  try {
    return [...readFile(path)];
  } finally {
    rmSync(path, { force: true });
  }
}

function checkDocument(d: SourceDocument): void {
  assert.ok(typeof d.id === "string" && d.id.length > 0 && d.id.length <= 256);
  assert.ok(!/[\u0000-\u001f]/.test(d.id));
  assert.ok(
    d.published === null ||
      validIso(d.published, ["", "year", "month", "day"][d.published.split("-").length]!),
  );
  assert.ok(typeof d.body === "string" && d.body.trim().length > 0);
  assert.ok(d.title === null || typeof d.title === "string");
  assert.ok(d.url === null || typeof d.url === "string");
  assert.ok(typeof d.lang === "string");
}

function checkError(e: ReadError, path: string): void {
  assert.equal(e.name, "ReadError", String(e));
  assert.ok(e.path === path || e.path.startsWith(dir));
  assert.ok(e.reason.length > 0 && !/[\n\r]/.test(e.message), JSON.stringify(e.message));
}

const check = (items: (SourceDocument | ReadError)[]) => {
  for (const it of items)
    if ("reason" in it) checkError(it, it.path);
    else checkDocument(it);
};

const yamlValueArb = fc.oneof(
  fc.string(),
  dateArb,
  isoPublishedArb.map((d) => d ?? ""),
  fc.constantFrom(
    "[a, b]",
    "{a: 1}",
    "&x y",
    "*x",
    "!!binary aGk=",
    "|",
    ">",
    "'quoted'",
    '"esc\\u0007"',
    "null",
    "~",
    "123",
    "2024-13-45",
    "'",
    "[",
    "-",
  ),
);
const frontMatterArb = fc
  .record({
    keys: fc.array(
      fc.tuple(fc.constantFrom("id", "url", "published", "title", "lang", "x", "id"), yamlValueArb),
      {
        maxLength: 6,
      },
    ),
    open: fc.constantFrom("---\n", "---\r\n", "--- \n", "---", ""),
    close: fc.constantFrom("---\n", "---\r\n", "---", "", "--\n", "...\n"),
    body: newsTextArb,
  })
  .map(
    ({ keys, open, close, body }) =>
      `${open}${keys.map(([k, v]) => `${k}: ${v}`).join("\n")}\n${close}${body}`,
  );

describe("properties: readers", () => {
  it("front matter: a document with well-formed fields, or one ReadError, whatever the text", () => {
    fc.assert(
      fc.property(frontMatterArb, fc.constantFrom(".md", ".txt"), (text, ext) => {
        const items = readBytes(text, ext);
        assert.equal(items.length, 1);
        check(items);
      }),
      runs(400),
    );
  });

  it("front matter: what is written is what is read, the body exactly", () => {
    const ident = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);
    fc.assert(
      fc.property(ident, isoPublishedArb, newsTextArb, (id, published, body) => {
        fc.pre(body.trim().length > 0);
        const text = `---\nid: ${id}\n${published ? `published: ${published}\n` : ""}title: 見出し\n---\n${body}`;
        const d = readMarkdown(text, "x.md", "utf-8", "markdown");
        assert.equal(d.id, id);
        assert.equal(d.published, published);
        assert.equal(d.title, "見出し");
        assert.equal(d.body, body);
      }),
      runs(300),
    );
  });

  it("any bytes under any name: documents or one-line ReadErrors, never an exception", () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      newsTextArb.map((s) => new TextEncoder().encode(s)),
      frontMatterArb.map((s) => new TextEncoder().encode(s)),
    );
    fc.assert(
      fc.property(bytes, fc.constantFrom(".md", ".txt", ".html", ".jsonl"), (b, ext) => {
        check(readBytes(b, ext));
      }),
      runs(400),
    );
  });

  it("HTML: a document whose body holds no script, or one ReadError, whatever the markup", () => {
    const MARK = "SCRIPTMARK";
    const tagArb = fc.constantFrom(
      "div",
      "p",
      "article",
      "section",
      "span",
      "h1",
      "li",
      "ul",
      "table",
      "td",
      "nav",
      "footer",
      "main",
      "b",
      "a",
    );
    const htmlArb = fc
      .array(
        fc.oneof(
          tagArb.map((t) => `<${t}>`),
          tagArb.map((t) => `</${t}>`),
          tagArb.map((t) => `<${t} class="article-body" id="main">`),
          fc.constantFrom(
            `<script>var x = "${MARK}";</script>`,
            `<script type="application/ld+json">{"datePublished": "2024-06-19", "x": [[[[[[]]]]]]}</script>`,
            `<style>p { color: red } /* ${MARK} */</style>`,
            '<meta property="article:published_time" content="2024-06-19T10:00:00+09:00">',
            '<meta property="article:published_time" content="yesterday">',
            '<time datetime="2019-02-28">',
            '<link rel="canonical" href="https://example.org/x">',
            "<br>",
            "<!-- comment -->",
            "<![CDATA[ x ]]>",
            "&amp;&lt;&#x1F600;&#0;&bogus;",
            "<img src=x onerror=alert(1)>",
            "<",
            ">",
            '"',
          ),
          newsTextArb,
        ),
        { maxLength: 40 },
      )
      .map((parts) => `<html><head><title>t</title></head><body>${parts.join("")}</body></html>`);
    fc.assert(
      fc.property(htmlArb, (html) => {
        let d: SourceDocument;
        try {
          d = readHtml(html, "x.html", "utf-8");
        } catch (e) {
          assert.ok(e instanceof Error && e.message.length > 0, String(e));
          return;
        }
        checkDocument(d);
        assert.ok(!d.body.includes(MARK), "script and style text is not article text");
      }),
      runs(300),
    );
  });

  it("JSON Lines: one outcome per non-blank line, numbered as the file numbers it", () => {
    const lineArb = fc.oneof(
      newsTextArb.map((text) => JSON.stringify({ id: "x", text })),
      fc
        .record({ id: fc.string(), text: newsTextArb, published: isoPublishedArb })
        .map((o) => JSON.stringify(o)),
      fc.json(),
      fc.string(),
      fc.constantFrom("", "  ", "\r"),
    );
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 20 }), fc.constantFrom("\n", "\r\n"), (lines, nl) => {
        // a line that holds a line break is several lines
        const flat = lines.flatMap((l) => l.split(/\r?\n/));
        const text = flat.join(nl);
        fc.pre(text.length > 0 && !text.includes("\u0000"));
        const items = readBytes(text, ".jsonl");
        check(items);
        const expected = flat.map((l, i) => (l.trim() === "" ? 0 : i + 1)).filter((n) => n > 0);
        const got = items.map((x) => x.line ?? ("reason" in x ? 0 : -1));
        // a whole-file error (no line) only when the first line already is not text
        if (got.length === 1 && got[0] === 0) return;
        assert.deepEqual(got, expected);
      }),
      runs(300),
    );
  });
});
