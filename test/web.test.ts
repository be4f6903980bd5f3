/**
 * The web page in a real browser: Debian's chromium driven by
 * playwright-core (never a downloaded browser), against `kaidan serve` on a
 * free port over the examples and a hostile article. Searches, opens an event
 * card, follows a citation to its highlighted sentence, filters the timeline,
 * moves the network's time slider, and checks that markup in an article stays
 * text and runs nothing. Screenshots of each view go to artifacts/screenshots/.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { type RunningServer, startServer } from "../src/serve/server.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { exampleDatabase } from "./helpers/serve.js";
import { projectRoot } from "./helpers/shared.js";

const CHROMIUM = "/usr/bin/chromium";
const webRoot = join(projectRoot, "web", "dist");
const shots = join(projectRoot, "artifacts", "screenshots");
// in CI a missing browser or page is a failure; on a developer's machine without chromium the tests say so and skip
const skip =
  !process.env.CI && !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : false;

let server: RunningServer;
let context: BrowserContext;
let page: Page;
let db: DB;
const cspViolations: string[] = [];
const pageErrors: string[] = [];

before(async () => {
  if (skip) return;
  assert.ok(existsSync(join(webRoot, "index.html")), "web/dist is built (npm run build)");
  const t = await exampleDatabase();
  db = openDatabase(t.path, { readonly: true });
  server = await startServer({ db: t.path, port: 0, webRoot });
  mkdirSync(shots, { recursive: true });
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "kaidan-chromium-")), {
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
      // WebGL in software, for the network graph
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
    ],
    viewport: { width: 1280, height: 800 },
    locale: "ja-JP",
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // a fresh profile's first page can be slow to start (font and shader caches): wait for it once, generously
  await page.goto(server.url);
  await page.waitForSelector("main[data-ready]", { timeout: 120_000 });
});

after(async () => {
  await context?.close();
  await server?.close();
  db?.close();
});

/** Opens a path and waits until its view says it is drawn. */
async function open(path: string, view: string): Promise<void> {
  await page.goto(new URL(path, server.url).href);
  try {
    await page.waitForSelector(`main[data-ready="${view}"]`, { timeout: 20_000 });
  } catch (e) {
    // what the page shows instead, for the CI log
    process.stderr.write(`${page.url()}:\n${(await page.content()).slice(0, 3000)}\n`);
    throw e;
  }
}

const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

describe("the web page in chromium", { skip }, () => {
  it("searches everything from the search bar, with the terms highlighted", async () => {
    await open("/", "home");
    await shot("home");
    await page.fill("#search-input", "露朝");
    await page.press("#search-input", "Enter");
    await page.waitForSelector('main[data-ready="search"]');
    assert.equal(new URL(page.url()).searchParams.get("q"), "露朝", "the URL holds the query");
    const marks = await page.locator('[data-testid="doc-hits"] mark.hit').allTextContents();
    assert.ok(marks.length > 0, "snippets are shown");
    assert.ok(
      marks.every((m) => m === "露朝"),
      marks.join(","),
    );
    const docs = await page.locator('[data-testid="doc-hits"] > li').count();
    const expected = count(
      "SELECT count(*) AS n FROM documents WHERE instr(body, '露朝') > 0 OR instr(title, '露朝') > 0",
    );
    assert.equal(docs, expected);
    assert.ok((await page.locator('[data-testid="event-hits"] li').count()) > 0, "events are found too");
    await shot("search");
  });

  it("opens an event card and follows a cited field to its highlighted sentence", async () => {
    await open(`/search?q=${encodeURIComponent("露朝首脳会談")}`, "search");
    await page.locator('[data-testid="event-hits"] a.event-link').first().click();
    await page.waitForSelector('main[data-ready="event"]');
    assert.match(new URL(page.url()).pathname, /^\/event\/ev-/);
    const infobox = page.locator('[data-testid="infobox"]');
    for (const row of ["date", "place", "participants", "sources"])
      assert.equal(await infobox.locator(`[data-testid="row-${row}"]`).count(), 1, `row ${row}`);
    assert.ok(
      (await page.locator('[data-testid="references"] li').count()) > 0,
      "the cited sentences are listed",
    );
    await shot("event");

    // a citation of a field: its title is the cited text
    const cite = infobox.locator('[data-testid="cite"]').first();
    const cited = await cite.getAttribute("title");
    assert.ok(cited, "the citation carries its text");
    await cite.click();
    await page.waitForSelector('main[data-ready="doc"]');
    const current = (await page.locator("mark.m-current").allTextContents()).join("");
    assert.equal(current, cited);
    assert.equal(await page.locator('[data-testid="current-text"]').textContent(), cited);
    // scrolled to it
    // (expressions in strings run in the page, where document and window are)
    await page.waitForFunction(
      `(() => { const r = document.getElementById("current")?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.bottom <= window.innerHeight; })()`,
    );
    await shot("document");

    // back on the card, the sources row opens the article at the event's first sentence
    await page.goBack();
    await page.waitForSelector('main[data-ready="event"]');
    const source = page.locator('[data-testid="source-link"]').first();
    const sentence = await source.getAttribute("title");
    await source.click();
    await page.waitForSelector('main[data-ready="doc"]');
    assert.equal((await page.locator("mark.m-current").allTextContents()).join(""), sentence);
  });

  it("filters the timeline by status and type, with the filters in the URL", async () => {
    await open("/timeline", "timeline");
    const all = await page.locator('[data-testid="timeline-list"] > li').count();
    assert.equal(all, count("SELECT count(*) AS n FROM events"));
    await page.waitForSelector('[data-testid="timeline"] .vis-item');
    await shot("timeline");

    await page.check('[data-testid="filter-status-planned"]');
    await page.click('[data-testid="apply-filters"]');
    await page.waitForURL(/status=planned/);
    await page.waitForSelector('main[data-ready="timeline"]');
    const planned = count("SELECT count(*) AS n FROM events WHERE status = 'planned'");
    assert.ok(planned > 0 && planned < all, "the examples have some planned events");
    assert.equal(await page.locator('[data-testid="timeline-list"] > li').count(), planned);
    const statuses = await page
      .locator('[data-testid="timeline-list"] [data-status]')
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    assert.ok(
      statuses.every((s) => s === "planned"),
      statuses.join(","),
    );
    const visItems = await page.locator('[data-testid="timeline"] .vis-item.status-planned').count();
    assert.ok(visItems > 0, "the timeline draws them");
    assert.equal(await page.locator('[data-testid="timeline"] .vis-item:not(.status-planned)').count(), 0);

    // a shared link gives the same view
    await open("/timeline?type=CONSULT&status=occurred&group=actor&pair=RUS,PRK", "timeline");
    const n = count(
      `SELECT count(*) AS n FROM events e JOIN event_pairs p ON p.event_id = e.id
       WHERE p.a = 'PRK' AND p.b = 'RUS' AND e.type = 'CONSULT' AND e.status = 'occurred'`,
    );
    assert.equal(await page.locator('[data-testid="timeline-list"] > li').count(), n);
    assert.equal(await page.locator('[data-testid="group-by"]').inputValue(), "actor");
    assert.equal(await page.locator('[data-testid="filter-type-CONSULT"]').isChecked(), true);
    await shot("timeline-filtered");
    // the export links carry the same filters
    const href = await page.locator('[data-testid="export-jsonl"]').getAttribute("href");
    const exported = new URL(href!, server.url);
    assert.equal(exported.searchParams.get("pair"), "RUS,PRK");
    assert.equal(exported.searchParams.get("status"), "occurred");
    const res = await page.request.get(exported.href);
    assert.equal(res.status(), 200);
    assert.equal((await res.text()).trim().split("\n").length, n);
  });

  it("shows markup in an article as text and runs none of it", async () => {
    await open("/doc/xss01", "doc");
    const title = await page.locator('[data-testid="doc-title"]').textContent();
    assert.match(title!, /<script>window\.__xss=1<\/script>露朝<img src=x onerror="window\.__xss=2">/);
    const text = await page.locator('[data-testid="article-body"]').textContent();
    assert.match(text!, /<script>window\.__xss=4<\/script>/);
    assert.match(text!, /<img src=x onerror="window\.__xss=5">/);
    assert.match(text!, /<a href="javascript:window\.__xss=6">リンク<\/a>/);
    assert.equal(await page.locator("main img, main script, main b, main [onerror]").count(), 0);
    // the source's javascript: URL is not made a link
    assert.equal(await page.locator('main a[href^="javascript:"]').count(), 0);
    await shot("document-hostile");
    // the same title in search results and events stays text too
    await open(`/search?q=${encodeURIComponent("onerror")}`, "search");
    assert.equal(await page.locator("main img, main script").count(), 0);
    await open("/timeline?actor=vladimir-putin", "timeline");
    assert.equal(await page.locator("main img, main script").count(), 0);
    assert.equal(await page.evaluate("typeof window.__xss"), "undefined");
  });

  it("draws the network, and its time slider hides what had not happened yet", async () => {
    await open("/network", "network");
    const ties = page.locator('[data-testid="ties"] > li');
    const before = await ties.count();
    assert.ok(before > 0, "ties are listed");
    assert.ok(
      (await page.locator('[data-testid="graph"] canvas').count()) > 0 ||
        (await page.locator('[data-testid="graph"].no-webgl').count()) === 1,
      "a graph, or the list when WebGL is missing",
    );
    await shot("network");
    await page.locator('[data-testid="time-slider"]').fill("0");
    await page.waitForURL(/until=\d{4}-\d{2}-\d{2}/);
    const until = new URL(page.url()).searchParams.get("until")!;
    const first = count(
      "SELECT count(*) AS n FROM (SELECT min(date_start) AS d FROM event_pairs WHERE named = 1 AND status = 'occurred' AND family LIKE 'CONSULT:%') WHERE d = ?",
      until,
    );
    assert.equal(first, 1, `the slider starts at the first meeting (${until})`);
    assert.ok((await ties.count()) < before, "fewer ties by the first date");
  });

  it("shows quotes by speaker, relations per pair, articles, an actor, and the add form", async () => {
    await open("/quotes", "quotes");
    await page.locator('[data-testid="speaker"]').first().click();
    await page.waitForURL(/speaker=/);
    await page.waitForSelector('main[data-ready="quotes"]');
    const speaker = new URL(page.url()).searchParams.get("speaker")!;
    assert.equal(
      await page.locator('[data-testid="quote-groups"] .quote').count(),
      count("SELECT count(*) AS n FROM quotes WHERE speaker_id = ?", speaker),
    );
    await shot("quotes");
    await open("/relations?a=RUS&b=PRK", "relations");
    assert.ok((await page.locator(".chart canvas").count()) === 1, "a chart");
    assert.ok(
      (await page.locator('[data-testid="relations-table"] tbody tr').count()) > 1,
      "months are listed",
    );
    await shot("relations");
    await open("/documents", "documents");
    assert.equal(
      await page.locator('[data-testid="documents"] tbody tr').count(),
      Math.min(50, count("SELECT count(*) AS n FROM documents")),
    );
    await shot("documents");
    await open("/actor/kim-jong-un", "actor");
    await shot("actor");
    await open("/add", "add");
    assert.equal(await page.locator('[data-testid="read-only"]').count(), 1, "the server has no token");
    await shot("add");
  });

  it("switches to English labels and keeps the language in the URL", async () => {
    await open("/timeline", "timeline");
    await page.click('[data-testid="lang"]');
    await page.waitForURL(/lang=en/);
    await page.waitForSelector('main[data-ready="timeline"]');
    assert.equal(await page.locator('[data-testid="nav-timeline"]').textContent(), "Timeline");
    await open("/quotes?lang=ja", "quotes");
    assert.equal(await page.locator('[data-testid="nav-quotes"]').textContent(), "発言");
  });

  it("fits a phone's width", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const [path, view] of [
        [`/search?q=${encodeURIComponent("首脳会談")}`, "search"],
        ["/timeline", "timeline"],
        ["/doc/ex01", "doc"],
      ] as const) {
        await open(path, view);
        const overflow = (await page.evaluate(
          "document.documentElement.scrollWidth - window.innerWidth",
        )) as number;
        assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px`);
        await shot(`phone-${view}`);
      }
      await open(`/search?q=${encodeURIComponent("露朝首脳会談")}`, "search");
      await page.locator('[data-testid="event-hits"] a.event-link').first().click();
      await page.waitForSelector('main[data-ready="event"]');
      await shot("phone-event");
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it("ran under the Content-Security-Policy without a violation or an uncaught error", () => {
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(pageErrors, []);
  });
});
