/**
 * Hostile and broken input (issue 7). A corpus generated here, in a
 * temporary folder, of what kaidan meets on the open web and in careless
 * folders — empty and binary files, broken and mislabelled encodings,
 * malformed front matter and dates, pages without an article, 100 MB files,
 * very long lines, deeply nested HTML, JSON Lines broken in the middle,
 * duplicate ids, symbolic link loops, unreadable files — each with its
 * expected outcome, ingested by the built command over a database that
 * already holds the examples. Each bad file gets exactly one error line
 * naming it (and its line) and the reason; the good files are stored; the
 * exit code is 1; and nothing that was stored before changes.
 *
 * Permissions: as root, chmod 000 denies nothing, so when the tests run as
 * root the ingestion runs as the unprivileged user `nobody` (spawn's uid and
 * gid); if that is impossible, the unreadable file is expected to be read
 * and the test says so.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  closeSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import Encoding from "encoding-japanese";
import { MAX_DOCUMENT_CHARS, oneLine } from "../src/read/document.js";
import { derivedId } from "../src/read/ids.js";
import {
  addedRows,
  assertBuilt,
  bin,
  consistencyProblems,
  contents,
  kaidan,
  missingRows,
  type Run,
} from "./helpers/reliability.js";
import { examplesDir } from "./helpers/shared.js";

/** What one input file must give: its error lines (reason, and line for JSON Lines) and the ids it stores. */
interface Expected {
  errors: { reason: RegExp; line?: number }[];
  stored: string[];
}

/**
 * Good articles report events no example reports (Mongolia and Iceland, in 2031), so that storing them
 * changes no stored event and "nothing stored before changes" can be checked row by row.
 */
const SUMMIT =
  "モンゴルのフレルスフ大統領とアイスランドの大統領は2031年5月19日、ウランバートルで会談し、地熱発電協定に署名した。";
const goodText = (n: number) =>
  `モンゴルのバトツェツェグ外相は${n}日、アイスランドの首都レイキャビクで同国の外相と会談した。両外相は地熱発電の分野で協力することで合意した。`;
const md = (meta: Record<string, string>, body: string) =>
  `---\n${Object.entries(meta)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n")}\n---\n${body}\n`;
const jsonLine = (o: Record<string, unknown>) => JSON.stringify(o);
const encode = (text: string, to: "SJIS" | "EUCJP") =>
  Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: "UNICODE" }) as number[]);

const HUNDRED_MB = 100 * 1024 * 1024;

/** Writes a file of about 100 MB in 1 MB pieces (never whole in memory): a prefix, a repeated filler, a suffix. */
function writeHuge(path: string, prefix: string, filler: string, suffix: string): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, prefix);
    const piece = Buffer.from(filler.repeat(Math.ceil((1024 * 1024) / Buffer.byteLength(filler))));
    for (let written = 0; written < HUNDRED_MB; written += piece.length) writeSync(fd, piece);
    writeSync(fd, suffix);
  } finally {
    closeSync(fd);
  }
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const NOBODY = 65534;
/**
 * As root, whether the command can run as `nobody`, for whom chmod 000 denies reading (the checkout
 * itself may be closed to nobody, e.g. under a folder made by mktemp -d).
 */
const canDropPrivileges =
  isRoot && spawnSync(process.execPath, [bin, "--version"], { uid: NOBODY, gid: NOBODY }).status === 0;
const permissionsDeny = !isRoot || canDropPrivileges;

let root: string;
let corpus: string;
let db: string;
const expected = new Map<string, Expected>();
let explicitPaths: string[] = [];
let beforeContent: Map<string, string[]>;
let run: Run;

/** The hostile corpus, each file with its expected outcome. */
function writeCorpus(): void {
  const file = (name: string, data: string | Uint8Array, expect: Expected) => {
    writeFileSync(join(corpus, name), data);
    expected.set(join(corpus, name), expect);
  };
  const fails = (reason: RegExp, line?: number): Expected => ({
    errors: [{ reason, ...(line ? { line } : {}) }],
    stored: [],
  });

  file("empty.md", "", fails(/^empty file$/));
  file("blank.txt", "  \n\n\t\n", fails(/^no text/));
  // binary files named like articles
  file(
    "report.pdf.md",
    "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n",
    fails(/binary file \(PDF document\)/),
  );
  file(
    "photo.png.html",
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    fails(/binary file \(PNG image\)/),
  );
  file(
    "feed.jsonl",
    Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x4b, 0x4c, 0x4a, 0x06, 0]),
    fails(/binary file \(gzip archive\)/),
  );
  file(
    "noise.txt",
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    fails(/binary file \(contains NUL bytes\)/),
  );
  file(
    "utf16.md",
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SUMMIT, "utf16le")]),
    fails(/UTF-16/),
  );
  // a binary file with its own extension is not an article: skipped in a folder, refused when named
  file("scan.pdf", "%PDF-1.4\n", { errors: [], stored: [] });
  // encodings
  const valid = Buffer.from(md({ id: "hostile-utf8" }, SUMMIT));
  file(
    "invalid-utf8.md",
    Buffer.concat([valid.subarray(0, 40), Buffer.from([0xff, 0xc3, 0x28]), valid.subarray(40)]),
    fails(/^invalid UTF-8 at byte 40\b/),
  );
  file("sjis.md", encode(md({ id: "hostile-sjis", published: "2031-05-20" }, SUMMIT), "SJIS"), {
    errors: [],
    stored: ["hostile-sjis"],
  });
  const eucPage = `<!doctype html><html><head><meta charset="utf-8"><title>モンゴル・アイスランド首脳会談</title>
    <link rel="canonical" href="https://example.org/hostile/eucjp">
    <meta property="article:published_time" content="2031-05-20T20:00:00+09:00"></head>
    <body><article><h1>モンゴル・アイスランド首脳会談</h1><p>${SUMMIT}</p><p>${goodText(19)}</p></article></body></html>`;
  file("declared-utf8-is-eucjp.html", encode(eucPage, "EUCJP"), {
    errors: [],
    stored: [derivedId("https://example.org/hostile/eucjp", "")],
  });
  // front matter and metadata
  file(
    "front-matter.md",
    "---\nid: [unclosed\ntitle: x\n---\n本文です。\n",
    fails(/^malformed front matter/),
  );
  file("front-matter-open.md", "---\nid: open\n本文です。\n", fails(/never closed/));
  file("front-matter-list.md", "---\n- a\n- b\n---\n本文です。\n", fails(/expected key: value pairs/));
  file("id-list.md", md({ id: "[a, b]" }, SUMMIT), fails(/'id' must be text, not a list/));
  file("id-control.md", md({ id: '"ex\\u0001"' }, SUMMIT), fails(/control characters/));
  const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
  for (const [k, prev] of ["ba", "cb", "dc", "ed", "fe", "gf", "hg"])
    bomb.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(", ")}]`);
  file("yaml-bomb.md", `---\n${bomb.join("\n")}\n---\n${SUMMIT}\n`, fails(/alias/i));
  file("yaml-tag.md", `---\nid: !!js/function "x"\n---\n${SUMMIT}\n`, { errors: [], stored: ["x"] });
  // a bad file that claims an id already stored must not touch that document
  file(
    "unknown-date.md",
    md({ id: "ex01", published: "next tuesday" }, "差し替えられてはならない本文。"),
    fails(/^unrecognised published date "next tuesday"/),
  );
  file(
    "impossible-date.md",
    md({ id: "ex02", published: "2024-02-30" }, "差し替えられてはならない本文。"),
    fails(/^unrecognised published date "2024-02-30"/),
  );
  // HTML without an article
  file(
    "menu-only.html",
    '<html><head><title>トップ</title></head><body><nav><a href="/">ホーム</a><a href="/a">政治</a></nav><footer>© 2024</footer></body></html>',
    fails(/no article body found in the HTML/),
  );
  file(
    "script-only.html",
    "<html><body><script>document.write('<p>本文</p>')</script></body></html>",
    fails(/no article body found in the HTML/),
  );
  // very deep nesting is refused before Readability (whose time grows with the cube of the depth)
  file(
    "nested.html",
    `<html><body>${"<div>".repeat(100_000)}<p>${SUMMIT}</p>${"</div>".repeat(100_000)}</body></html>`,
    fails(/nested too deeply/),
  );
  file(
    "nested-fine.html",
    `<html><head><link rel="canonical" href="https://example.org/hostile/nested"></head><body>${"<div>".repeat(120)}<article><h1>モンゴル・アイスランド首脳会談</h1><p>${SUMMIT}</p><p>${goodText(3)}</p></article>${"</div>".repeat(120)}</body></html>`,
    { errors: [], stored: [derivedId("https://example.org/hostile/nested", "")] },
  );
  // very long lines: one of 300,000 characters is an article; one past the limit is refused
  file(
    "long-line.md",
    md(
      { id: "hostile-long-line", published: "2031-01-05" },
      `${"今日は全国的に晴れた。".repeat(27_000)}${goodText(5)}`,
    ),
    { errors: [], stored: ["hostile-long-line"] },
  );
  file(
    "too-long.md",
    md({ id: "hostile-too-long" }, "雨。".repeat(MAX_DOCUMENT_CHARS / 2 + 10)),
    fails(/^document too long \([\d,]+ characters; the limit is [\d,]+\)$/),
  );
  // JSON Lines broken in the middle: the good lines on either side are stored
  file(
    "broken.jsonl",
    [
      jsonLine({ id: "hostile-j1", published: "2031-02-01", text: goodText(1) }),
      '{"id": "hostile-j2", "text": "閉じていない',
      "",
      "[1, 2, 3]",
      jsonLine({ id: "hostile-j5", title: "本文なし" }),
      jsonLine({ id: "hostile-j6", published: "2031-02-06", text: goodText(6) }),
      jsonLine({ id: "ex03", published: "sometime", text: "差し替えられてはならない本文。" }),
      jsonLine({ id: ["ex04"], text: goodText(8) }),
      "\u0000\u0000",
      jsonLine({ id: "hostile-j6", published: "2031-02-06", text: `${goodText(6)}別の版。` }),
      jsonLine({ id: "hostile-j11", published: "2031-02-11", text: goodText(11) }),
    ].join("\r\n"),
    {
      errors: [
        { line: 2, reason: /^not valid JSON/ },
        { line: 4, reason: /^expected a JSON object$/ },
        { line: 5, reason: /^missing 'text'/ },
        { line: 7, reason: /^unrecognised published date "sometime"/ },
        { line: 8, reason: /'id' must be text, not a list/ },
        { line: 9, reason: /binary|NUL/ },
        { line: 10, reason: /^duplicate id 'hostile-j6' with a different text/ },
      ],
      stored: ["hostile-j1", "hostile-j6", "hostile-j11"],
    },
  );
  // duplicate ids with different texts in one run: the first is kept
  file("dup-a.md", md({ id: "hostile-dup", published: "2031-03-01" }, goodText(1)), {
    errors: [],
    stored: ["hostile-dup"],
  });
  file(
    "dup-b.md",
    md({ id: "hostile-dup", published: "2031-03-01" }, `${goodText(1)}追記。`),
    fails(/^duplicate id 'hostile-dup' with a different text \(first in .*dup-a\.md\); kept the first$/),
  );
  // 100 MB: a text file is refused without being read; a JSON Lines file is streamed, its huge line skipped
  writeHuge(join(corpus, "huge.md"), "---\nid: hostile-huge\n---\n", "今日は晴れ。\n", "");
  expected.set(join(corpus, "huge.md"), fails(/^file too large \(100 MB; the limit is 32 MB\)$/));
  writeHuge(
    join(corpus, "huge.jsonl"),
    `${jsonLine({ id: "hostile-huge-1", published: "2031-04-01", text: goodText(1) })}\n{"id": "hostile-huge-2", "text": "`,
    "今日は晴れ。",
    `"}\n${jsonLine({ id: "hostile-huge-3", published: "2031-04-03", text: goodText(3) })}\n`,
  );
  expected.set(join(corpus, "huge.jsonl"), {
    errors: [{ line: 2, reason: /^line too long \(100 MB; the limit is 16 MB\)$/ }],
    stored: ["hostile-huge-1", "hostile-huge-3"],
  });
  // symbolic links: a loop on itself, a link back to a folder being read, a second way into a folder
  symlinkSync("self-loop.md", join(corpus, "self-loop.md"));
  expected.set(join(corpus, "self-loop.md"), fails(/^symbolic link loop$/));
  mkdirSync(join(corpus, "sub"));
  writeFileSync(
    join(corpus, "sub", "inner.md"),
    md({ id: "hostile-inner", published: "2031-05-01" }, goodText(2)),
  );
  symlinkSync("..", join(corpus, "sub", "up"));
  symlinkSync("sub", join(corpus, "alias"));
  // "alias" comes first: its files are read once, under it; "sub" is then skipped as already read
  expected.set(join(corpus, "alias", "inner.md"), { errors: [], stored: ["hostile-inner"] });
  expected.set(join(corpus, "alias", "up"), fails(/^symbolic link loop \(points back to /));
  // a FIFO named like an article is not waited on
  spawnSync("mkfifo", [join(corpus, "pipe.md")]);
  expected.set(join(corpus, "pipe.md"), fails(/^not a regular file/));
  // unreadable file and folder
  file("unreadable.md", md({ id: "hostile-unreadable", published: "2031-06-01" }, goodText(4)), {
    errors: permissionsDeny ? [{ reason: /^permission denied$/ }] : [],
    stored: permissionsDeny ? [] : ["hostile-unreadable"],
  });
  mkdirSync(join(corpus, "locked"));
  writeFileSync(join(corpus, "locked", "a.md"), md({ id: "hostile-locked" }, goodText(7)));
  expected.set(
    join(corpus, "locked"),
    permissionsDeny ? fails(/^permission denied$/) : { errors: [], stored: [] },
  );
  if (!permissionsDeny)
    expected.set(join(corpus, "locked", "a.md"), { errors: [], stored: ["hostile-locked"] });
  // a file name that would forge a second error line if printed as it is
  file("forged\nerror: nothing.md", "", fails(/^empty file$/));
  // a good article among them all
  file(
    "good.md",
    md({ id: "hostile-good", published: "2031-07-01", title: "モンゴル・アイスランド外相会談" }, goodText(1)),
    {
      errors: [],
      stored: ["hostile-good"],
    },
  );

  // paths given on the command line besides the folder
  explicitPaths = [join(corpus, "scan.pdf"), join(root, "missing.md")];
  expected.set(join(corpus, "scan.pdf"), fails(/^unsupported file type '\.pdf'/));
  expected.set(join(root, "missing.md"), fails(/^no such file or folder$/));
}

/** Error lines of stderr, each split into path, line and reason by the expected paths. */
function parseErrors(stderr: string) {
  const lines = stderr.split("\n").filter((l) => l.startsWith("error: "));
  const paths = [...expected.keys()].sort((a, b) => oneLine(b, 4096).length - oneLine(a, 4096).length);
  return lines.map((l) => {
    for (const p of paths) {
      const prefix = `error: ${oneLine(p, 4096)}`;
      if (!l.startsWith(prefix)) continue;
      const m = /^(?::(\d+))?: (.*)$/.exec(l.slice(prefix.length));
      if (m) return { path: p, line: m[1] ? Number(m[1]) : undefined, reason: m[2]!, text: l };
    }
    return { path: null, line: undefined, reason: l, text: l };
  });
}

/** The ids in a content snapshot (the documents' first column). */
const storedIds = (content: Map<string, string[]>) =>
  new Set((content.get("documents") ?? []).map((r) => (JSON.parse(r) as string[])[0]!));

const ids = (path: string) =>
  new Set(
    new Database(path, { readonly: true }).prepare("SELECT id FROM documents").pluck().all() as string[],
  );

before(() => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), "kaidan-hostile-"));
  corpus = join(root, "corpus");
  mkdirSync(corpus);
  db = join(root, "k.db");
  // the examples are what "already stored" means
  const base = kaidan(["ingest", "--db", db, "--quiet", examplesDir]);
  assert.equal(base.status, 0, base.stderr);
  beforeContent = contents(db);
  writeCorpus();
  chmodSync(join(corpus, "unreadable.md"), 0o000);
  chmodSync(join(corpus, "locked"), 0o000);
  if (canDropPrivileges) chownTree(root, NOBODY);
  run = kaidan(["ingest", "--db", db, "--json", corpus, ...explicitPaths], {
    cwd: root,
    ...(canDropPrivileges ? { uid: NOBODY, gid: NOBODY } : {}),
  });
});

after(() => {
  if (!root) return;
  chmodSync(join(corpus, "locked"), 0o755);
  rmSync(root, { recursive: true, force: true });
});

/** chown -R without following links (lchown, lstat): the loops lead back into the tree. */
function chownTree(path: string, id: number): void {
  lchownSync(path, id, id);
  if (lstatSync(path).isDirectory()) for (const e of readdirSync(path)) chownTree(join(path, e), id);
}

describe("hostile and broken input", () => {
  it("ends with exit code 1, having crashed on nothing", () => {
    assert.equal(run.signal, null, run.stderr);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { errors: string[]; documents: { new: number } };
    const wanted = [...expected.values()].reduce((n, e) => n + e.errors.length, 0);
    assert.equal(report.errors.length, wanted, report.errors.join("\n"));
  });

  it("reports each bad file in exactly one line naming the file, the line and the reason", (t) => {
    if (!permissionsDeny) t.diagnostic("running as root without a way to drop privileges: chmod 000 is read");
    const got = parseErrors(run.stderr);
    const unknown = got.filter((e) => e.path === null);
    assert.deepEqual(
      unknown.map((e) => e.text),
      [],
      "every error line names a file of the corpus (and no name forged a line)",
    );
    for (const [path, want] of expected) {
      const mine = got.filter((e) => e.path === path);
      assert.equal(
        mine.length,
        want.errors.length,
        `${path}: ${want.errors.length} error(s) expected, got:\n${mine.map((e) => e.text).join("\n")}`,
      );
      want.errors.forEach((w, i) => {
        const e = mine[i]!;
        assert.match(e.reason, w.reason, e.text);
        assert.equal(e.line, w.line, `${e.text}: line`);
      });
    }
    // every stderr line is an error line or the JSON run's nothing else
    const other = run.stderr.split("\n").filter((l) => l && !l.startsWith("error: "));
    assert.deepEqual(other, [], "no warnings, stack traces or second lines");
  });

  it("stores the good files, and only them", () => {
    const before = storedIds(beforeContent);
    const added = [...ids(db)].filter((id) => !before.has(id)).sort();
    const wanted = [...expected.values()].flatMap((e) => e.stored);
    const dbh = new Database(db, { readonly: true });
    try {
      assert.deepEqual(added, wanted.sort());
      const enc = (id: string) =>
        dbh.prepare("SELECT encoding, body FROM documents WHERE id = ?").get(id) as {
          encoding: string;
          body: string;
        };
      assert.equal(enc("hostile-sjis").encoding, "shift_jis");
      assert.equal(enc("hostile-sjis").body, `${SUMMIT}\n`);
      // the page says UTF-8, the bytes are EUC-JP: the bytes win
      const euc = enc(derivedId("https://example.org/hostile/eucjp", ""));
      assert.equal(euc.encoding, "euc-jp");
      assert.ok(euc.body.includes(SUMMIT), euc.body);
      assert.equal(enc("hostile-dup").body, `${goodText(1)}\n`, "the first of two duplicates is kept");
      assert.equal(enc("hostile-j6").body, goodText(6));
      assert.ok(enc("hostile-long-line").body.length > 290_000);
      const events = dbh
        .prepare("SELECT count(*) FROM doc_events WHERE doc_id = 'hostile-long-line'")
        .pluck()
        .get();
      assert.ok((events as number) > 0, "the event at the end of the long line is found");
    } finally {
      dbh.close();
    }
  });

  it("changes nothing that was stored before", () => {
    const afterContent = contents(db);
    assert.equal(
      missingRows(beforeContent, afterContent),
      "",
      "rows stored before are all still there, unchanged",
    );
    // what was added belongs to the new documents
    const added = addedRows(beforeContent, afterContent);
    const exampleIds = storedIds(beforeContent);
    for (const r of added.get("documents") ?? []) assert.ok(!exampleIds.has(JSON.parse(r)[0]), r);
    assert.deepEqual(consistencyProblems(db), []);
  });

  it("streams a 100 MB JSON Lines file instead of holding it", (t) => {
    // the same two articles, with and without a 100 MB line between them: peak memory may not grow by it
    const small = join(root, "small.jsonl");
    writeFileSync(
      small,
      `${jsonLine({ id: "hostile-huge-1", published: "2031-04-01", text: goodText(1) })}\n${jsonLine({ id: "hostile-huge-3", published: "2031-04-03", text: goodText(3) })}\n`,
    );
    const peak = (file: string) => {
      const r = spawnSync(
        process.execPath,
        [
          "--import",
          "data:text/javascript,process.on('exit',()=>process.stderr.write('peak-rss='+process.resourceUsage().maxRSS+'\\n'))",
          bin,
          "ingest",
          "--quiet",
          "--db",
          join(mkdtempSync(join(root, "rss-")), "k.db"),
          file,
        ],
        { encoding: "utf8", env: { ...process.env, KAIDAN_DB: undefined } },
      );
      const kb = /peak-rss=(\d+)/.exec(r.stderr);
      assert.ok(kb, r.stderr);
      return Number(kb[1]) / 1024;
    };
    const withoutHuge = peak(small);
    const withHuge = peak(join(corpus, "huge.jsonl"));
    t.diagnostic(
      `peak RSS ${withoutHuge.toFixed(0)} MB without the 100 MB line, ${withHuge.toFixed(0)} MB with it`,
    );
    assert.ok(
      withHuge - withoutHuge < 60,
      `peak memory ${withHuge.toFixed(0)} MB with the 100 MB line, ${withoutHuge.toFixed(0)} MB without`,
    );
  });
});
