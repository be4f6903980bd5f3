/**
 * Hostile text in a real browser (issue 7): a corpus of XSS payloads in
 * titles, bodies, quotations, URLs, document ids, and in the names of
 * actors and places (through a user lexicon, as a careless or malicious
 * lexicon file would bring them) is ingested and then looked at in every
 * view of the page, in Debian's chromium driven by playwright-core.
 *
 * Each view is opened twice: with the page's Content-Security-Policy, and
 * with it bypassed (playwright's bypassCSP), which shows that the page
 * itself renders the text as text rather than relying on CSP to stop what
 * it built. Nothing may run (a payload would set window.__xss or open a
 * dialog), no element or attribute may come from the payloads (event
 * handlers, javascript: links, frames, objects), and no request may leave
 * for the payloads' host.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { ingestPaths } from "../src/pipeline/ingest.js";
import { createExtractionPipeline } from "../src/pipeline/standard.js";
import { type RunningServer, startServer } from "../src/serve/server.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { examplesDir, projectRoot } from "./helpers/shared.js";

const CHROMIUM = "/usr/bin/chromium";
const webRoot = join(projectRoot, "web", "dist");
// as in web.test.ts: in CI a missing browser is a failure; elsewhere the test says so and skips
const skip =
  !process.env.CI && !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : false;

const EVIL = "evil.invalid";
/** Payloads: each would set window.__xss to its name, or reach EVIL, if it ever became markup or code. */
const p = (name: string) => ({
  script: `<script>window.__xss='${name}'</script>`,
  img: `<img src=x onerror="window.__xss='${name}'">`,
  svg: `<svg/onload=window.__xss='${name}'>`,
  iframe: `<iframe srcdoc="<script>parent.__xss='${name}'</script>"></iframe>`,
  js: `javascript:window.__xss='${name}'`,
  breakout: `"><img src=x onerror=window.__xss='${name}'>`,
  mxss: `<noscript><p title="</noscript><img src=x onerror=window.__xss='${name}'>">`,
  template: `{{constructor.constructor('window.__xss="${name}"')()}}\${window.__xss='${name}'}`,
  net: `<img src="http://${EVIL}/${name}"><link rel=stylesheet href="http://${EVIL}/${name}.css"><style>@import url(http://${EVIL}/${name}-i.css)</style>`,
});
const all = (name: string) => Object.values(p(name)).join(" ");

let dir: string;
let server: RunningServer;
let db: DB;
let browser: Awaited<ReturnType<typeof chromium.launch>>;
const docIds: string[] = [];
const eventIds: string[] = [];

function writeCorpus(): { corpus: string; lexicon: string } {
  const lexicon = join(dir, "lexicon");
  mkdirSync(join(lexicon, "people"), { recursive: true });
  const yamlString = (s: string) => JSON.stringify(s);
  writeFileSync(
    join(lexicon, "people", "xss.yaml"),
    `- id: xss-person\n  name: { en: ${yamlString(`${p("actor-en").img}Evil ${p("actor-en").script}`)}, ja: ${yamlString(`${p("actor-ja").script}悪役${p("actor-ja").svg}`)} }\n  aliases: [ザクスマン]\n  country: RUS\n`,
  );
  writeFileSync(
    join(lexicon, "places.yaml"),
    `- id: xss-city\n  kind: city\n  name: { en: ${yamlString(p("place-en").breakout)}, ja: ${yamlString(`${p("place-ja").img}市`)} }\n  aliases: [ザクス市]\n  country: RUS\n`,
  );
  const corpus = join(dir, "corpus");
  mkdirSync(corpus);
  const event =
    "ザクスマンは2031年5月19日、ザクス市でプーチン大統領と会談した。両者は協力で合意し、共同声明に署名した。";
  const md = (meta: Record<string, string>, body: string) =>
    `---\n${Object.entries(meta)
      .map(([k, v]) => `${k}: ${yamlString(v)}`)
      .join("\n")}\n---\n${body}\n`;
  writeFileSync(
    join(corpus, "x1.md"),
    md(
      {
        id: "xss-1",
        url: p("url").js,
        published: "2031-05-20",
        title: `${p("title").script}露朝${p("title").img}会談`,
      },
      `${event}\nザクスマンは「${p("quote").img}${p("quote").script}」と述べた。\n${all("body")}\n本文はここまで。`,
    ),
  );
  writeFileSync(
    join(corpus, "x2.md"),
    md(
      {
        id: `xss-2${p("id").breakout}`,
        url: `https://example.org/${p("url2").breakout}`,
        published: "2031-05-21",
        title: p("title2").template,
      },
      `${event}\n${p("body2").mxss}${p("body2").iframe}${p("body2").template}\n「${p("quote2").breakout}」とザクスマンは強調した。`,
    ),
  );
  writeFileSync(
    join(corpus, "x3.html"),
    `<!doctype html><html><head><title>${"</title>"}${p("html-title").script.replace(/</g, "&lt;")}</title>
     <link rel="canonical" href="https://example.org/xss-3">
     <meta property="article:published_time" content="2031-05-22"></head>
     <body><article><h1>&lt;script&gt;window.__xss='entity'&lt;/script&gt;</h1>
     <p>${event}</p><p>&lt;img src=x onerror=window.__xss='entity2'&gt; と &amp;lt;b&amp;gt; の記事本文がここに続く。</p>
     <p><a href="javascript:window.__xss='link'">リンク</a>${p("html-net").net}</p></article></body></html>`,
  );
  writeFileSync(
    join(corpus, "x4.jsonl"),
    `${JSON.stringify({ id: "xss-4", url: `data:text/html,${p("data-url").script}`, published: "2031-05-23", title: p("jsonl-title").iframe, text: `${event}\n${all("jsonl")}` })}\n`,
  );
  return { corpus, lexicon };
}

before(async () => {
  if (skip) return;
  assert.ok(existsSync(join(webRoot, "index.html")), "web/dist is built (npm run build)");
  dir = mkdtempSync(join(tmpdir(), "kaidan-xss-"));
  const { corpus, lexicon } = writeCorpus();
  const path = join(dir, "k.db");
  const pipeline = createExtractionPipeline({ lexiconDirs: [lexicon] });
  const w = openDatabase(path);
  try {
    const r = await ingestPaths([examplesDir, corpus], pipeline, w);
    assert.deepEqual(
      r.errors.map((e) => e.message),
      [],
    );
  } finally {
    w.close();
  }
  db = openDatabase(path, { readonly: true });
  docIds.push(
    ...(db
      .prepare("SELECT id FROM documents WHERE id LIKE 'xss-%' OR url = 'https://example.org/xss-3'")
      .pluck()
      .all() as string[]),
  );
  eventIds.push(
    ...(db
      .prepare(
        "SELECT DISTINCT r.event_id FROM event_reports r WHERE r.doc_id IN (SELECT value FROM json_each(?)) AND r.event_id IS NOT NULL",
      )
      .pluck()
      .all(JSON.stringify(docIds)) as string[]),
  );
  server = await startServer({ db: path, port: 0, webRoot, lexiconDirs: [lexicon] });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What must never be on the page: anything the payloads could have made. */
const DANGER = `
  (() => {
    const bad = [];
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(el.tagName + "[" + a.name + "]");
        if (/^(href|src|action|formaction|xlink:href|data|srcdoc)$/i.test(a.name) && /^\\s*(javascript|data|vbscript):/i.test(a.value) && !(el.tagName === "IMG" && /^data:image\\//.test(a.value)))
          bad.push(el.tagName + "[" + a.name + "=" + a.value.slice(0, 40) + "]");
        if (/evil\\.invalid/.test(a.value)) bad.push(el.tagName + "[" + a.name + "] → evil");
      }
      if (/^(IFRAME|FRAME|OBJECT|EMBED|NOSCRIPT|BASE|META|LINK)$/.test(el.tagName) && !el.closest("head")) bad.push(el.tagName);
      if (el.tagName === "SCRIPT" && !(el.getAttribute("src") || "").startsWith("/assets/")) bad.push("SCRIPT " + el.textContent.slice(0, 40));
      if (el.tagName === "STYLE" && /evil|__xss/.test(el.textContent)) bad.push("STYLE");
    }
    return bad;
  })()
`;

describe("XSS payloads in a real browser", { skip }, () => {
  for (const bypassCSP of [false, true]) {
    describe(
      bypassCSP ? "with the Content-Security-Policy bypassed" : "with the Content-Security-Policy",
      () => {
        let context: BrowserContext;
        let page: Page;
        const dialogs: string[] = [];
        const evilRequests: string[] = [];
        before(async () => {
          context = await browser.newContext({
            bypassCSP,
            viewport: { width: 1280, height: 800 },
            locale: "ja-JP",
          });
          page = await context.newPage();
          page.on("dialog", (d) => {
            dialogs.push(d.message());
            void d.dismiss();
          });
          page.on("request", (r) => {
            if (r.url().includes(EVIL)) evilRequests.push(r.url());
          });
          page.on("popup", (p2) => evilRequests.push(`popup ${p2.url()}`));
        });
        after(async () => {
          await context?.close();
        });

        const views = () => [
          ["/", "home"],
          [`/search?q=${encodeURIComponent("ザクスマン")}`, "search"],
          [`/search?q=${encodeURIComponent("<script>")}`, "search"],
          [`/search?q=${encodeURIComponent(p("q").img)}`, "search"],
          ["/timeline", "timeline"],
          ["/timeline?actor=xss-person", "timeline"],
          ["/network", "network"],
          ["/network?actor=xss-person", "network"],
          ["/quotes", "quotes"],
          ["/quotes?speaker=xss-person", "quotes"],
          ["/relations?a=RUS&b=PRK", "relations"],
          ["/documents", "documents"],
          ["/actor/xss-person", "actor"],
          ["/actor/RUS", "actor"],
          ["/add", "add"],
          ...docIds.map((id) => [`/doc/${encodeURIComponent(id)}`, "doc"]),
          ...eventIds.map((id) => [`/event/${encodeURIComponent(id)}`, "event"]),
          [`/doc/${encodeURIComponent(p("path").breakout)}`, "error"],
          [`/search?q=${encodeURIComponent("会談")}&lang=en`, "search"],
          ["/event/" + encodeURIComponent(eventIds[0] ?? "none") + "?lang=en", "event"],
        ];

        it("runs nothing and makes no element from the payloads, in any view", async () => {
          assert.ok(docIds.length >= 4, `hostile documents stored: ${docIds.join(", ")}`);
          assert.ok(eventIds.length > 0, "events with the hostile actor and place");
          const actor = db.prepare("SELECT en, ja FROM actors WHERE id = 'xss-person'").get() as {
            en: string;
            ja: string;
          };
          assert.ok(
            actor?.en.includes("onerror") && actor.ja.includes("<script>"),
            "the hostile names are stored",
          );
          for (const [path, view] of views()) {
            await page.goto(new URL(path!, server.url).href);
            await page.waitForSelector(`main[data-ready="${view}"], main[data-ready="error"]`, {
              timeout: 30_000,
            });
            // give timers, images and lazy widgets (timeline, graph) a moment to do what they would do
            await page.waitForTimeout(150);
            const ran = await page.evaluate("window.__xss");
            assert.equal(ran, undefined, `${path}: payload '${String(ran)}' ran`);
            assert.deepEqual(await page.evaluate(DANGER), [], `${path}: elements made from payloads`);
          }
          assert.deepEqual(dialogs, [], "no dialog opened");
          assert.deepEqual(evilRequests, [], "no request to the payloads' host");
        });

        it("would notice: markup injected on purpose is caught by the same checks", async () => {
          await page.goto(new URL("/documents", server.url).href);
          await page.waitForSelector('main[data-ready="documents"]');
          await page.evaluate(
            `document.querySelector("main").insertAdjacentHTML("beforeend", ${JSON.stringify(p("control").img)})`,
          );
          await page.waitForTimeout(300);
          assert.ok(((await page.evaluate(DANGER)) as string[]).length > 0, "the element is found");
          // without the policy the handler runs; with it, the policy stops it
          assert.equal(await page.evaluate("window.__xss"), bypassCSP ? "control" : undefined);
        });

        it("shows the payloads as the text they are", async () => {
          await page.goto(new URL("/doc/xss-1", server.url).href);
          await page.waitForSelector('main[data-ready="doc"]');
          const text = await page.locator("main").innerText();
          assert.ok(text.includes(p("title").script), "the title's markup is shown as text");
          assert.ok(
            text.includes(p("body").img) && text.includes(p("body").iframe),
            "the body's markup is shown as text",
          );
          assert.ok(
            !(await page.locator(`a[href^="javascript:" i]`).count()),
            "the javascript: URL is no link",
          );
          const card = `/event/${encodeURIComponent(eventIds[0]!)}`;
          await page.goto(new URL(card, server.url).href);
          await page.waitForSelector('main[data-ready="event"]');
          const cardText = await page.locator("main").innerText();
          assert.ok(
            cardText.includes("悪役") || cardText.includes("Evil") || cardText.includes("市"),
            `the hostile actor or place is on the card: ${cardText.slice(0, 500)}`,
          );
          assert.equal(await page.evaluate("window.__xss"), undefined);
        });
      },
    );
  }
});
