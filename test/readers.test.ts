import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import Encoding from "encoding-japanese";
import { ReadError, readPaths, type SourceDocument } from "../src/read/index.js";
import { examplesDir } from "./helpers/shared.js";

const tmp = () => mkdtempSync(join(tmpdir(), "kaidan-read-"));
const read = (...paths: string[]) => [...readPaths(paths)];
const docs = (items: (SourceDocument | ReadError)[]) =>
  items.filter((d): d is SourceDocument => !(d instanceof ReadError));
const errors = (items: (SourceDocument | ReadError)[]) =>
  items.filter((d): d is ReadError => d instanceof ReadError);

const ARTICLE =
  "ロシアのラブロフ外相は31日午前、北朝鮮の首都ピョンヤンに到着し、リ・ヨンホ外相と会談しました。";

describe("reading documents", () => {
  it("reads Markdown front matter and keeps the body exactly as written after the closing ---", () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "a.md"),
      `---\nid: a1\nurl: https://example.org/a\npublished: 2018-05-31\ntitle: 外相会談\nlang: ja\n---\n${ARTICLE}\n`,
    );
    const [d] = docs(read(dir));
    assert.equal(d!.id, "a1");
    assert.equal(d!.published, "2018-05-31");
    assert.equal(d!.body, `${ARTICLE}\n`);
  });

  it("reads the Shift_JIS HTML example: body by Readability, date from the page's metadata", () => {
    const file = join(examplesDir, "ex06-pyongyang-2024.sjis.html");
    const [d] = docs(read(file));
    assert.equal(d!.encoding, "shift_jis");
    assert.equal(d!.format, "html");
    assert.match(d!.published!, /^2024-06-\d\d$/);
    assert.ok(d!.body.includes("プーチン"));
    assert.ok(
      !/ランキング|利用規約|Copyright/i.test(d!.body),
      "navigation, sidebar and footer are not the article",
    );
  });

  it("detects EUC-JP, ISO-2022-JP and undeclared Shift_JIS from the bytes", () => {
    const dir = tmp();
    const text = `---\nid: enc\npublished: 2018-05-31\n---\n${ARTICLE}`;
    const unicode = Encoding.stringToCode(text);
    for (const [name, to] of [
      ["euc.md", "EUCJP"],
      ["jis.md", "JIS"],
      ["sjis.md", "SJIS"],
    ] as const) {
      writeFileSync(
        join(dir, name),
        Uint8Array.from(Encoding.convert(unicode, { to, from: "UNICODE" }) as number[]),
      );
    }
    const read3 = docs(read(dir));
    assert.equal(read3.length, 3);
    for (const d of read3) assert.equal(d.body, ARTICLE);
    assert.deepEqual(read3.map((d) => d.encoding).sort(), ["euc-jp", "iso-2022-jp", "shift_jis"]);
  });

  it("reads JSON Lines and reports a broken line with its number without losing the others", () => {
    const dir = tmp();
    const line = (id: string) =>
      JSON.stringify({ id, url: null, published: "2018-05-31", title: "t", text: ARTICLE });
    writeFileSync(join(dir, "feed.jsonl"), [line("w1"), "{broken", line("w3")].join("\n"));
    const items = read(dir);
    assert.deepEqual(
      docs(items).map((d) => d.id),
      ["w1", "w3"],
    );
    const [e] = errors(items);
    assert.equal(e!.line, 2);
    assert.match(e!.message, /feed\.jsonl:2: not valid JSON/);
  });

  it("gives documents without an id a stable id derived from the URL or the text", () => {
    const dir = tmp();
    writeFileSync(join(dir, "x.txt"), ARTICLE);
    writeFileSync(join(dir, "y.txt"), ARTICLE);
    const [x, y] = docs(read(dir));
    assert.match(x!.id, /^doc-[0-9a-f]{12}$/);
    assert.equal(x!.id, y!.id, "the same text read twice is the same document");
  });

  it("names the file and the reason for bad input, and goes on with the rest", () => {
    const dir = tmp();
    writeFileSync(join(dir, "empty.md"), "");
    writeFileSync(join(dir, "img.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    writeFileSync(join(dir, "bad.md"), "---\nid: [unclosed\n---\n本文");
    writeFileSync(join(dir, "date.md"), "---\npublished: sometime\n---\n本文です。");
    writeFileSync(join(dir, "ok.md"), `---\nid: ok\n---\n${ARTICLE}`);
    symlinkSync(join(dir, "loop"), join(dir, "loop"));
    const items = read(dir);
    assert.deepEqual(
      docs(items).map((d) => d.id),
      ["ok"],
    );
    const reasons = errors(items).map((e) => e.message.replace(dir, ""));
    assert.ok(reasons.some((r) => /empty\.md: empty file/.test(r)));
    assert.ok(reasons.some((r) => /img\.md: binary file \(PNG image\)/.test(r)));
    assert.ok(reasons.some((r) => /bad\.md: malformed front matter/.test(r)));
    assert.ok(reasons.some((r) => /date\.md: unrecognised published date "sometime"/.test(r)));
    assert.ok(reasons.some((r) => /loop: symbolic link loop/.test(r)));
  });

  it("reads the bundled examples: Markdown, HTML and JSON Lines, recursively", () => {
    const items = read(examplesDir);
    assert.deepEqual(errors(items), []);
    const formats = new Set(docs(items).map((d) => d.format));
    assert.deepEqual([...formats].sort(), ["html", "jsonl", "markdown"]);
    assert.ok(docs(items).length >= 10);
    assert.ok(readFileSync(join(examplesDir, "wire.jsonl"), "utf8").length > 0);
  });
});
