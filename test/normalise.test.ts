import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { normalise, normaliseCharacters } from "../src/normalise/normalise.js";
import { toRawSpan } from "../src/normalise/offset-text.js";

/** Every span of the normalised text maps to raw text that normalises back to it. */
function checkOffsets(raw: string): void {
  const n = normaliseCharacters(raw);
  for (let s = 0; s < n.text.length; s++) {
    for (let e = s + 1; e <= Math.min(n.text.length, s + 6); e++) {
      const r = toRawSpan(n, s, e);
      assert.ok(r.start >= 0 && r.end <= raw.length && r.start < r.end);
      // never inside a surrogate pair
      const first = raw.charCodeAt(r.start);
      const before = raw.charCodeAt(r.start - 1);
      const splitsPair = first >= 0xdc00 && first <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
      assert.ok(!splitsPair, "span starts inside a surrogate pair");
      const piece = normaliseCharacters(raw.slice(r.start, r.end)).text;
      assert.ok(
        piece.includes(n.text.slice(s, e)),
        `raw ${JSON.stringify(raw.slice(r.start, r.end))} ↛ ${n.text.slice(s, e)}`,
      );
    }
  }
}

// whole code points: decoded text never holds a lone surrogate
const japanese = fc.constantFrom(
  ...[
    ..."北朝鮮のキム・ジョンウン総書記とロシアのプーチン大統領が１９日、ﾋﾟｮﾝﾔﾝで会談した。「支持する」𠮷野家ｶﾞｷﾞｸﾞ　　－―‐ー〜～･·・\r\n\tＡＢＣ①㍻",
  ],
  "𠮷",
  "ｶﾞ",
  "\r\n",
);

describe("normalisation keeps a map back to the raw text", () => {
  it("normalises width, dots, dashes and spaces", () => {
    const n = normaliseCharacters("ｷﾑ･ｼﾞｮﾝｳﾝ総書記　２０２３年９月１２日　ＡＰＥＣ");
    assert.equal(n.text, "キム・ジョンウン総書記 2023年9月12日 APEC");
  });

  it("reads the full-width comma of official Japanese as 、 but keeps it in numbers", () => {
    const n = normaliseCharacters("本10日午後，総理大臣官邸において，１，０００人");
    assert.equal(n.text, "本10日午後、総理大臣官邸において、1,000人");
  });

  it("maps half-width katakana with sound marks to one character each", () => {
    const raw = "ｷﾞｮﾝ";
    const n = normaliseCharacters(raw);
    assert.equal(n.text, "ギョン");
    assert.deepEqual(toRawSpan(n, 0, 1), { start: 0, end: 2 });
  });

  it("keeps surrogate pairs whole (𠮷)", () => {
    const raw = "𠮷野家で会談";
    const n = normaliseCharacters(raw);
    assert.equal(n.text, raw);
    assert.deepEqual(toRawSpan(n, 0, 2), { start: 0, end: 2 });
    assert.equal(raw.slice(toRawSpan(n, 2, 5).start, toRawSpan(n, 2, 5).end), "野家で");
  });

  it("property: every span slices to raw text that normalises to it", () => {
    fc.assert(
      fc.property(
        fc.array(japanese, { maxLength: 40 }).map((a) => a.join("")),
        checkOffsets,
      ),
      { numRuns: 300 },
    );
  });

  it("drops reading glosses but cites the raw text around them", () => {
    const raw = "キム・ジョンウン(金正恩)総書記はクムスサン（錦繍山）迎賓館で新疆(しんきょう)の問題を";
    const n = normalise(raw);
    assert.equal(n.text, "キム・ジョンウン総書記はクムスサン迎賓館で新疆の問題を");
    const at = n.text.indexOf("クムスサン迎賓館");
    const r = toRawSpan(n, at, at + "クムスサン迎賓館".length);
    assert.equal(raw.slice(r.start, r.end), "クムスサン（錦繍山）迎賓館");
  });

  it("drops a name's Latin gloss after kana or kanji, not an acronym (バリ(Bali)島, 習近平(Xi Jinping)国家主席, (APEC))", () => {
    const raw =
      "ジョー・バイデン(Joe Biden)米大統領と習近平(Xi Jinping)国家主席はバリ(Bali)島ヌサドゥア(Nusa Dua)で、" +
      "アジア太平洋経済協力会議(APEC)を前に会談した。";
    const n = normalise(raw);
    assert.equal(
      n.text,
      "ジョー・バイデン米大統領と習近平国家主席はバリ島ヌサドゥアで、アジア太平洋経済協力会議(APEC)を前に会談した。",
    );
    const at = n.text.indexOf("バリ島");
    const r = toRawSpan(n, at, at + "バリ島".length);
    assert.equal(raw.slice(r.start, r.end), "バリ(Bali)島");
  });

  it("joins the lines of hard-wrapped wire copy", () => {
    const raw = [
      "小泉純一郎首相は八日朝、羽田空港発の政府専用機で、日帰りの",
      "中国訪問に出発した。首相は同日午後、北京で江沢民国家主席と会",
      "談し、テロ対策への協力を求める。首相はまた朱鎔基首相とも会っ",
      "て意見を交わす予定だ。",
    ].join("\n");
    const n = normalise(raw);
    assert.ok(n.text.includes("日帰りの中国訪問"));
    assert.ok(n.text.includes("会談し"));
    assert.ok(!n.text.includes("\n中国"));
  });

  it("leaves ordinary short lines alone", () => {
    const raw =
      "【詳細】プーチン大統領 キム総書記 首脳会談\n\n北朝鮮を公式訪問しているロシアのプーチン大統領と会談した。";
    assert.equal(normalise(raw).text, raw);
  });
});
