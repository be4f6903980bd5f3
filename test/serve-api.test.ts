/**
 * The HTTP API, route by route, through Hono's app.request() (no port):
 * answers against the database they read, validation (clear 400s), the
 * write routes' token (403), limits, headers, CORS, Host checks, the
 * static files and their paths, and the full-text index kept in step.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { createApp, MAX_JSON_BYTES } from "../src/serve/app.js";
import { Ingestor } from "../src/serve/ingest.js";
import { bearer, LOOPBACK_HOSTS, tokenMatches } from "../src/serve/security.js";
import { type DB, openDatabase } from "../src/store/database.js";
import { exampleDatabase, type TestDatabase } from "./helpers/serve.js";

const TOKEN = "test-token-0123456789abcdef";

let t: TestDatabase;
let readDb: DB;
let writeDb: DB;
let app: OpenAPIHono; // read-only: no token
let writable: OpenAPIHono; // token set
let webRoot: string;

before(async () => {
  t = await exampleDatabase();
  readDb = openDatabase(t.path, { readonly: true });
  writeDb = openDatabase(t.path);
  webRoot = mkdtempSync(join(tmpdir(), "kaidan-web-"));
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>kaidan</title>");
  writeFileSync(join(webRoot, "assets", "app-1234.js"), "console.log('kaidan');");
  writeFileSync(join(t.dir, "secret.txt"), "do not serve");
  const lexicon = t.pipeline.ctx.lexicon;
  app = createApp({ db: readDb, lexicon, webRoot, allowedHosts: LOOPBACK_HOSTS });
  writable = createApp({
    db: readDb,
    token: TOKEN,
    ingestor: new Ingestor(writeDb, () => t.pipeline),
    lexicon,
    webRoot,
    allowedHosts: LOOPBACK_HOSTS,
  });
});

after(() => {
  readDb?.close();
  writeDb?.close();
});

async function getJson<T = Record<string, unknown>>(
  path: string,
  status = 200,
  a: OpenAPIHono = app,
): Promise<T> {
  const res = await a.request(path);
  const text = await res.text();
  assert.equal(res.status, status, `${path}: ${text}`);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  return JSON.parse(text) as T;
}

const q = (s: string) => encodeURIComponent(s);
const count = (table: string) =>
  (readDb.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const body = (doc: string) =>
  (readDb.prepare("SELECT body FROM documents WHERE id = ?").get(doc) as { body: string }).body;

interface ErrorBody {
  error: { status: number; message: string; issues?: { where: string; message: string }[] };
}
interface Summary {
  id: string;
  type: string;
  status: string;
  states: string[];
  date: { start: string } | null;
  participants: { id: string }[];
  name: { ja: string; en: string };
}

async function badRequest(path: string, mentions: RegExp): Promise<void> {
  const e = await getJson<ErrorBody>(path, 400);
  assert.equal(e.error.status, 400);
  assert.match(e.error.message, mentions, `${path}: ${e.error.message}`);
}

describe("GET /api/info and the OpenAPI document", () => {
  it("counts what the database holds and says the write routes are closed without a token", async () => {
    const info = await getJson<{ documents: number; events: number; writable: boolean; schema: number }>(
      "/api/info",
    );
    assert.equal(info.documents, count("documents"));
    assert.equal(info.events, count("events"));
    assert.equal(info.writable, false);
    assert.equal((await getJson<{ writable: boolean }>("/api/info", 200, writable)).writable, true);
  });

  it("describes every route, with the parameters the schemas validate", async () => {
    const doc = await getJson<{
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
      components: { schemas: Record<string, unknown> };
    }>("/api/openapi.json");
    assert.equal(doc.openapi, "3.1.0");
    for (const p of [
      "/api/info",
      "/api/documents",
      "/api/documents/{id}",
      "/api/events",
      "/api/events/{id}",
      "/api/events/{id}/quotes",
      "/api/events/{id}/sources",
      "/api/events/{id}/itinerary",
      "/api/quotes",
      "/api/quotes/speakers",
      "/api/actors",
      "/api/actors/{id}",
      "/api/relations",
      "/api/relations/pairs",
      "/api/network",
      "/api/search",
      "/api/export",
    ])
      assert.ok(doc.paths[p]?.get, `GET ${p} is documented`);
    assert.ok(doc.paths["/api/documents"]?.post && doc.paths["/api/documents/upload"]?.post);
    const params = doc.paths["/api/events"]!.get!.parameters!.map((x) => x.name).sort();
    assert.deepEqual(params, ["actor", "after", "from", "limit", "pair", "status", "text", "to", "type"]);
    for (const s of ["EventCard", "EventSummary", "Document", "Error", "Search", "Network", "Relations"])
      assert.ok(doc.components.schemas[s], `schema ${s}`);
  });
});

describe("documents", () => {
  it("lists them newest first, a page at a time", async () => {
    const all = await getJson<{ total: number; items: { id: string; published: string | null }[] }>(
      "/api/documents?limit=500",
    );
    assert.equal(all.total, count("documents"));
    const dates = all.items.map((d) => d.published ?? "");
    assert.deepEqual(dates, [...dates].sort().reverse());
    const page = await getJson<{ items: { id: string }[] }>("/api/documents?limit=3&offset=2");
    assert.deepEqual(
      page.items.map((d) => d.id),
      all.items.slice(2, 5).map((d) => d.id),
    );
    const since = await getJson<{ items: { published: string }[] }>("/api/documents?from=2024");
    assert.ok(since.items.length > 0 && since.items.every((d) => d.published >= "2024"));
  });

  it("gives one document with spans that slice its body to their text", async () => {
    const d = await getJson<{
      body: string;
      citations: { start: number; end: number; text: string; event: { id: string } | null }[];
      quotes: { start: number; end: number; text: string }[];
      mentions: { start: number; end: number; text: string }[];
    }>("/api/documents/ex01");
    assert.ok(d.citations.length > 0 && d.quotes.length > 0 && d.mentions.length > 0);
    for (const s of [...d.citations, ...d.quotes, ...d.mentions])
      assert.equal(d.body.slice(s.start, s.end), s.text);
    assert.ok(d.citations.some((c) => c.event !== null));
    await getJson("/api/documents/no-such-doc", 404);
  });

  it("refuses malformed queries with 400 naming the parameter", async () => {
    await badRequest("/api/documents?limit=0", /limit/);
    await badRequest("/api/documents?limit=abc", /limit/);
    await badRequest("/api/documents?limit=501", /limit/);
    await badRequest("/api/documents?from=2024-13", /from.*YYYY/);
    await badRequest("/api/documents?page=2", /'page'.*not a parameter/);
  });
});

describe("events", () => {
  it("filters by pair, type, status and dates", async () => {
    const pair = await getJson<{ items: Summary[] }>("/api/events?pair=RUS,PRK&limit=1000");
    assert.ok(pair.items.length > 0);
    for (const e of pair.items) assert.ok(e.states.includes("RUS") && e.states.includes("PRK"), e.id);
    const consult = await getJson<{ items: Summary[] }>("/api/events?type=CONSULT&limit=1000");
    assert.ok(consult.items.length > 0 && consult.items.every((e) => e.type === "CONSULT"));
    const lower = await getJson<{ items: Summary[] }>("/api/events?type=consult&limit=1000");
    assert.equal(lower.items.length, consult.items.length);
    const planned = await getJson<{ items: Summary[] }>("/api/events?status=planned&limit=1000");
    assert.ok(planned.items.length > 0 && planned.items.every((e) => e.status === "planned"));
    const dated = await getJson<{ items: Summary[] }>("/api/events?from=2019-02&to=2019-04&limit=1000");
    assert.ok(dated.items.length > 0);
    for (const e of dated.items)
      assert.ok(e.date && e.date.start >= "2019-02-01" && e.date.start <= "2019-04-31");
  });

  it("takes an actor by id or by name, and finds events by text", async () => {
    const byId = await getJson<{ items: Summary[] }>("/api/events?actor=vladimir-putin&limit=1000");
    assert.ok(byId.items.length > 0);
    const takesPart = readDb.prepare(
      "SELECT 1 FROM event_actors WHERE actor_id = 'vladimir-putin' AND event_id = ?",
    );
    for (const e of byId.items) assert.ok(takesPart.get(e.id), `Putin takes part in ${e.id}`);
    const byName = await getJson<{ items: Summary[] }>(`/api/events?actor=${q("プーチン")}&limit=1000`);
    assert.deepEqual(
      byName.items.map((e) => e.id),
      byId.items.map((e) => e.id),
    );
    const text = await getJson<{ items: Summary[] }>(`/api/events?text=${q("露朝")}&limit=1000`);
    // every event named 露朝…, and only events whose name, reporting sentences or participants say it
    const ids = new Set(text.items.map((e) => e.id));
    const named = readDb.prepare("SELECT id FROM events WHERE instr(name_ja, '露朝') > 0").all() as {
      id: string;
    }[];
    assert.ok(named.length > 0, "some events are named 露朝…");
    for (const n of named) assert.ok(ids.has(n.id), `${n.id} is found`);
    const says = readDb.prepare(
      `SELECT 1 FROM events e WHERE e.id = ? AND (instr(e.name_ja, '露朝') > 0 OR EXISTS (
         SELECT 1 FROM event_reports er JOIN evidence ev ON ev.event_id = er.doc_event_id
         WHERE er.event_id = e.id AND instr(ev.text, '露朝') > 0))`,
    );
    for (const e of text.items) assert.ok(says.get(e.id), `${e.id} says 露朝`);
    const none = await getJson<{ items: Summary[] }>(`/api/events?text=${q("該当しない語句xyz")}`);
    assert.equal(none.items.length, 0);
  });

  it("pages with cursors that cover the list once", async () => {
    const all = (await getJson<{ items: Summary[] }>("/api/events?limit=1000")).items.map((e) => e.id);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page: { items: Summary[]; next?: string } = await getJson(
        `/api/events?limit=7${next ? `&after=${next}` : ""}`,
      );
      seen.push(...page.items.map((e) => e.id));
      next = page.next;
    } while (next);
    assert.deepEqual(seen, all);
    // the text filter pages the same way
    const text = (await getJson<{ items: Summary[] }>(`/api/events?text=${q("会談")}&limit=1000`)).items;
    const first = await getJson<{ items: Summary[]; next?: string }>(`/api/events?text=${q("会談")}&limit=2`);
    assert.ok(first.next);
    const second = await getJson<{ items: Summary[] }>(
      `/api/events?text=${q("会談")}&limit=2&after=${first.next}`,
    );
    assert.deepEqual(
      [...first.items, ...second.items].map((e) => e.id),
      text.slice(0, 4).map((e) => e.id),
    );
  });

  it("refuses malformed filters with 400", async () => {
    await badRequest("/api/events?status=done", /status/);
    await badRequest("/api/events?pair=RUS", /pair/);
    await badRequest("/api/events?type=CONSULT;DROP", /type/);
    await badRequest("/api/events?after=not-a-cursor", /after/);
    await badRequest("/api/events?to=2024-02-30x", /to/);
    await badRequest("/api/events?acter=RUS", /'acter'/);
    await badRequest("/api/events?limit=1001", /limit/);
    await badRequest(`/api/events?actor=${q("x' OR '1'='1")}`, /no actor/);
    await badRequest(`/api/events?text=${q("   ")}`, /terms/);
    assert.equal(count("events") > 0, true);
  });

  it("gives the card, its quotes, sources and itinerary, following report ids", async () => {
    const ev = (
      await getJson<{ items: Summary[] }>("/api/events?pair=RUS,PRK&type=CONSULT&limit=1000")
    ).items.find((e) => e.date)!;
    const card = await getJson<{
      id: string;
      name: { ja: string };
      sources: { doc: string; sentences: { doc: string; start: number; end: number; text: string }[] }[];
      fields: Record<string, { citations: { doc: string; start: number; end: number; text: string }[] }[]>;
    }>(`/api/events/${q(ev.id)}`);
    assert.equal(card.id, ev.id);
    assert.equal(card.name.ja, ev.name.ja);
    assert.ok(card.sources.length > 0);
    for (const s of card.sources)
      for (const c of s.sentences) assert.equal(body(c.doc).slice(c.start, c.end), c.text);
    for (const values of Object.values(card.fields))
      for (const v of values)
        for (const c of v.citations) assert.equal(body(c.doc).slice(c.start, c.end), c.text);

    const sources = await getJson<{ doc: string }[]>(`/api/events/${q(ev.id)}/sources`);
    assert.deepEqual(
      sources.map((s) => s.doc),
      card.sources.map((s) => s.doc),
    );
    const quotes = await getJson<{ doc: string; start: number; end: number; text: string }[]>(
      `/api/events/${q(ev.id)}/quotes`,
    );
    for (const x of quotes) assert.equal(body(x.doc).slice(x.start, x.end), x.text);
    const it = await getJson<{ trip: { id: string }; stops: { id: string }[] }>(
      `/api/events/${q(ev.id)}/itinerary`,
    );
    assert.ok(it.stops.some((s) => s.id === ev.id));

    const report = readDb
      .prepare("SELECT doc_event_id AS r FROM event_reports WHERE event_id = ? LIMIT 1")
      .get(ev.id) as {
      r: string;
    };
    const via = await getJson<{ id: string; redirectedFrom: { id: string; reason: string } }>(
      `/api/events/${q(report.r)}`,
    );
    assert.equal(via.id, ev.id);
    assert.deepEqual(via.redirectedFrom, { id: report.r, reason: "report" });
    await getJson("/api/events/ev-0000-nothing", 404);
    await getJson("/api/events/ev-0000-nothing/quotes", 404);
  });
});

describe("quotes, actors, relations, network", () => {
  it("lists quotations by speaker, and the speakers most quoted first", async () => {
    const sp = await getJson<{ speakers: { id: string; quotes: number }[]; unattributed: number }>(
      "/api/quotes/speakers",
    );
    assert.ok(sp.speakers.length > 0);
    const counts = sp.speakers.map((s) => s.quotes);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    );
    const top = sp.speakers[0]!;
    const list = await getJson<{
      total: number;
      items: { speaker: { id: string }; doc: string; start: number; end: number; text: string }[];
    }>(`/api/quotes?speaker=${q(top.id)}&limit=1000`);
    assert.equal(list.total, top.quotes);
    for (const x of list.items) {
      assert.equal(x.speaker.id, top.id);
      assert.equal(body(x.doc).slice(x.start, x.end), x.text);
    }
    const byDoc = await getJson<{ items: { doc: string }[] }>("/api/quotes?doc=ex01");
    assert.ok(byDoc.items.length > 0 && byDoc.items.every((x) => x.doc === "ex01"));
    await badRequest("/api/quotes?limit=-1", /limit/);
  });

  it("finds quotations by any substring of their text, as reading them all would", async () => {
    const all = await getJson<{ total: number; items: { id: string; text: string }[] }>(
      "/api/quotes?limit=1000",
    );
    assert.equal(all.items.length, all.total, "every quotation fits in one page");
    const longest = [...all.items].sort((a, b) => b.text.length - a.text.length)[0]!.text;
    const chars = [...longest];
    const probes = [
      chars[0]!, // one character
      chars.slice(1, 3).join(""), // two, which the trigram index keeps only as prefixes
      chars.slice(-2).join(""), // two at the very end of a quotation
      chars.slice(2, 7).join(""), // a phrase
      "首脳会談",
      "存在しない言い回し",
    ];
    for (const text of probes) {
      const want = all.items.filter((x) => x.text.includes(text)).map((x) => x.id);
      const got = await getJson<{ total: number; items: { id: string }[] }>(
        `/api/quotes?text=${q(text)}&limit=1000`,
      );
      assert.equal(got.total, want.length, text);
      assert.deepEqual(got.items.map((x) => x.id).sort(), want.sort(), text);
    }
  });

  it("finds actors by name, alias or kind, and one by id", async () => {
    const kim = await getJson<{ id: string }[]>(`/api/actors?q=${q("キム")}`);
    assert.ok(
      kim.some((a) => a.id === "kim-jong-un"),
      "an alias the lexicon knows",
    );
    const states = await getJson<{ kind: string }[]>("/api/actors?kind=state&limit=1000");
    assert.ok(states.length > 0 && states.every((a) => a.kind === "state"));
    const rus = await getJson<{ id: string; events: number }>("/api/actors/RUS");
    assert.ok(rus.events > 0);
    await getJson("/api/actors/nobody-at-all", 404);
    await badRequest("/api/actors?kind=planet", /kind/);
  });

  it("gives relations of a pair per month, and the pairs", async () => {
    const r = await getJson<{
      a: string;
      b: string;
      months: { month: string; events: number }[];
      total: { events: number };
    }>("/api/relations?a=RUS&b=PRK");
    assert.deepEqual([r.a, r.b], ["PRK", "RUS"]);
    assert.ok(r.total.events > 0);
    assert.equal(
      r.months.reduce((n, m) => n + m.events, 0),
      r.total.events,
    );
    const filled = await getJson<{ months: unknown[] }>("/api/relations?a=RUS&b=PRK&from=2024-01&to=2024-12");
    assert.equal(filled.months.length, 12);
    const pairs = await getJson<{ items: { a: { id: string }; b: { id: string }; events: number }[] }>(
      "/api/relations/pairs",
    );
    assert.ok(pairs.items.some((p) => p.a.id === "PRK" && p.b.id === "RUS" && p.events === r.total.events));
    await badRequest("/api/relations?a=RUS", /'b'/);
    await badRequest("/api/relations?a=RUS&b=PRK&fill=yes", /fill/);
  });

  it("gives the network of people or states", async () => {
    const people = await getJson<{
      nodes: { id: string }[];
      edges: { source: string; target: string; weight: number }[];
    }>("/api/network");
    assert.ok(people.edges.length > 0);
    const ids = new Set(people.nodes.map((n) => n.id));
    for (const e of people.edges) assert.ok(ids.has(e.source) && ids.has(e.target) && e.weight > 0);
    const states = await getJson<{ level: string; nodes: { id: string }[] }>("/api/network?level=states");
    assert.equal(states.level, "states");
    assert.ok(states.nodes.every((n) => /^[A-Z]{3}$/.test(n.id)));
    const one = await getJson<{ edges: { source: string; target: string }[] }>(
      "/api/network?actor=kim-jong-un",
    );
    assert.ok(one.edges.length > 0);
    assert.ok(one.edges.every((e) => e.source === "kim-jong-un" || e.target === "kim-jong-un"));
    await badRequest("/api/network?level=planets", /level/);
  });
});

describe("full-text search", () => {
  interface Hit {
    id: string;
    count: number;
    score: number | null;
    matches: { start: number; end: number }[];
    snippets: { field: string; parts: { text: string; hit: boolean }[] }[];
  }
  const search = (s: string) =>
    getJson<{
      documents: { total: number; terms: string[]; items: Hit[] };
      events: Summary[];
      actors: { id: string }[];
    }>(`/api/search?q=${q(s)}&limit=100`);
  const containing = (s: string) =>
    (
      readDb
        .prepare("SELECT id FROM documents WHERE instr(body, ?) > 0 OR instr(title, ?) > 0")
        .all(s, s) as {
        id: string;
      }[]
    ).map((r) => r.id);

  it("finds two-character words such as 露朝 with highlighted snippets", async () => {
    const r = await search("露朝");
    assert.deepEqual(r.documents.items.map((d) => d.id).sort(), containing("露朝").sort());
    assert.ok(r.documents.total > 0);
    for (const d of r.documents.items) {
      for (const m of d.matches) assert.equal(body(d.id).slice(m.start, m.end), "露朝");
      const hits = d.snippets.flatMap((s) => s.parts.filter((p) => p.hit).map((p) => p.text));
      assert.ok(hits.length > 0 && hits.every((h) => h === "露朝"));
    }
    assert.ok(r.events.length > 0, "events named 露朝…");
  });

  it("finds one character, and longer substrings ranked by relevance", async () => {
    const one = await search("朝");
    assert.equal(one.documents.total, containing("朝").length);
    const long = await search("首脳会談");
    assert.deepEqual(long.documents.items.map((d) => d.id).sort(), containing("首脳会談").sort());
    assert.ok(long.documents.items.every((d) => typeof d.score === "number"));
    const both = await search("トランプ 署名");
    assert.ok(both.documents.total > 0);
    for (const d of both.documents.items)
      assert.ok(body(d.id).includes("トランプ") && body(d.id).includes("署名"));
    const mixed = await search("米朝 共同声明");
    for (const d of mixed.documents.items)
      assert.ok(body(d.id).includes("米朝") && body(d.id).includes("共同声明"));
    assert.equal((await search("この語句はどの記事にもない")).documents.total, 0);
  });

  it("treats query syntax and SQL as text", async () => {
    for (const s of ['"', "'; DROP TABLE documents; --", "NEAR(a b)", "*", "a OR b", "\u0000"]) {
      const res = await app.request(`/api/search?q=${q(s)}`);
      assert.ok(res.status === 200 || res.status === 400, `${JSON.stringify(s)} → ${res.status}`);
    }
    assert.ok(count("documents") > 0 && count("search_docs") === count("documents"));
    await badRequest("/api/search", /'q'/);
    await badRequest(`/api/search?q=${q("a b c d e f g h i")}`, /at most 8 terms/);
  });
});

describe("exports", () => {
  it("downloads each format as an attachment of the right type", async () => {
    const jsonl = await app.request("/api/export?format=jsonl&pair=RUS,PRK");
    assert.equal(jsonl.status, 200);
    assert.match(jsonl.headers.get("content-type")!, /ndjson/);
    assert.match(jsonl.headers.get("content-disposition")!, /attachment; filename="kaidan-events\.jsonl"/);
    const lines = (await jsonl.text()).trim().split("\n");
    assert.ok(lines.length > 0);
    for (const l of lines) JSON.parse(l);
    const csv = await app.request("/api/export?format=csv");
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    assert.match(await csv.text(), /^event_id,/);
    const gexf = await app.request("/api/export?format=gexf");
    assert.match(await gexf.text(), /<gexf[^>]*xmlns="http:\/\/gexf\.net\/1\.3"/);
    const schema = await app.request("/api/export?format=schema");
    assert.ok(JSON.parse(await schema.text()).$schema);
    await badRequest("/api/export?format=pdf", /format/);
    await badRequest("/api/export?format=csv&text=x", /'text'/);
  });
});

describe("write routes", () => {
  const paste = (a: OpenAPIHono, payload: unknown, token?: string) =>
    a.request("/api/documents", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(payload),
    });

  it("answer 403 when no token was set at start, whatever the request says", async () => {
    const before = count("documents");
    const res = await paste(app, { text: "本文" }, TOKEN);
    assert.equal(res.status, 403);
    assert.match(((await res.json()) as ErrorBody).error.message, /--token/);
    const form = new FormData();
    form.append("files", new File(["本文"], "a.md"));
    assert.equal((await app.request("/api/documents/upload", { method: "POST", body: form })).status, 403);
    assert.equal(count("documents"), before);
  });

  it("answer 403 without the token or with another one", async () => {
    assert.equal((await paste(writable, { text: "本文" })).status, 403);
    assert.equal((await paste(writable, { text: "本文" }, `${TOKEN}x`)).status, 403);
    assert.equal((await paste(writable, { text: "本文" }, TOKEN.slice(0, -1))).status, 403);
    const basic = await writable.request("/api/documents", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Basic ${btoa(`x:${TOKEN}`)}` },
      body: "{}",
    });
    assert.equal(basic.status, 403);
  });

  it("store pasted text with the token, and keep the search index in step when it is replaced", async () => {
    const first = await paste(
      writable,
      {
        id: "pasted-1",
        title: "貼り付けた記事",
        published: "2025-01-15",
        text: "岸田首相は15日、東京でモンゴルの大統領と会談した。ゾウガメ協定に触れた。",
      },
      TOKEN,
    );
    assert.equal(first.status, 200, await first.clone().text());
    const r = (await first.json()) as {
      documents: { id: string; outcome: string }[];
      notDiplomacy: number;
      errors: string[];
    };
    assert.deepEqual(r.documents, [{ id: "pasted-1", title: "貼り付けた記事", outcome: "new" }]);
    assert.equal(r.notDiplomacy, 0);
    assert.deepEqual(r.errors, []);
    const d = await getJson<{ body: string; title: string }>("/api/documents/pasted-1");
    assert.equal(d.title, "貼り付けた記事");
    assert.match(d.body, /ゾウガメ協定/);
    assert.deepEqual(
      (
        await getJson<{ documents: { items: { id: string }[] } }>(`/api/search?q=${q("ゾウガメ")}`)
      ).documents.items.map((x) => x.id),
      ["pasted-1"],
    );
    // the same id with another text replaces the document, and the index with it
    const second = await paste(writable, { id: "pasted-1", text: "カワウソ条約について協議した。" }, TOKEN);
    const r2 = (await second.json()) as { documents: { outcome: string }[]; notDiplomacy: number };
    assert.equal(r2.documents[0]!.outcome, "updated");
    assert.equal(r2.notDiplomacy, 1, "no party to diplomacy: stored for search, not analysed");
    assert.equal(
      (await getJson<{ documents: { total: number } }>(`/api/search?q=${q("ゾウガメ")}`)).documents.total,
      0,
    );
    assert.equal(
      (await getJson<{ documents: { total: number } }>(`/api/search?q=${q("カワウソ")}`)).documents.total,
      1,
    );
    assert.equal(
      (await getJson<{ documents: { total: number } }>(`/api/search?q=${q("ソ条")}`)).documents.total,
      1,
    );
    assert.equal(count("search_docs"), count("documents"));
  });

  it("validate the pasted body (400) after the token", async () => {
    const missing = await paste(writable, { title: "x" }, TOKEN);
    assert.equal(missing.status, 400);
    assert.match(((await missing.json()) as ErrorBody).error.message, /'text'/);
    const url = await paste(writable, { text: "x", url: "javascript:alert(1)" }, TOKEN);
    assert.equal(url.status, 400);
    assert.match(((await url.json()) as ErrorBody).error.message, /url/);
    assert.equal((await paste(writable, { text: "x", extra: 1 }, TOKEN)).status, 400);
    assert.equal((await paste(writable, { text: "x", id: "../../etc/passwd" }, TOKEN)).status, 400);
    const big = await writable.request("/api/documents", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text: "あ".repeat(MAX_JSON_BYTES / 2) }),
    });
    assert.equal(big.status, 413);
  });

  it("store uploaded files, name the ones they cannot read, and keep names inside their folder", async () => {
    const form = new FormData();
    form.append(
      "files",
      new File(
        [
          `---\nid: upload-1\ntitle: アップロード\npublished: 2025-02-01\n---\n林外相は1日、ソウルで韓国外相と会談した。`,
        ],
        "../../up load.md",
      ),
    );
    form.append("files", new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], "report.pdf"));
    const res = await writable.request("/api/documents/upload", {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: form,
    });
    assert.equal(res.status, 200);
    const r = (await res.json()) as { documents: { id: string }[]; errors: string[] };
    assert.deepEqual(
      r.documents.map((d) => d.id),
      ["upload-1"],
    );
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!, /^report\.pdf: unsupported file type/);
    const path = (
      readDb.prepare("SELECT path FROM documents WHERE id = 'upload-1'").get() as { path: string }
    ).path;
    assert.match(path, /kaidan-upload-[^/]+\/0000-up_load\.md$/);
    const empty = await writable.request("/api/documents/upload", {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: new FormData(),
    });
    assert.equal(empty.status, 400);
  });

  it("compare tokens in full", () => {
    assert.equal(tokenMatches(TOKEN, TOKEN), true);
    assert.equal(tokenMatches(undefined, TOKEN), false);
    assert.equal(tokenMatches("", TOKEN), false);
    assert.equal(tokenMatches(TOKEN.toUpperCase(), TOKEN), false);
    assert.equal(bearer(`Bearer ${TOKEN}`), TOKEN);
    assert.equal(bearer(`bearer  ${TOKEN} `), TOKEN);
    assert.equal(bearer(TOKEN), undefined);
  });
});

describe("headers, CORS, hosts and files", () => {
  it("send a strict Content-Security-Policy and security headers on every response", async () => {
    for (const path of ["/api/info", "/", "/timeline", "/api/nothing", "/assets/app-1234.js"]) {
      const res = await app.request(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'none'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(res.headers.get("x-frame-options"), "DENY", path);
      assert.equal(res.headers.get("referrer-policy"), "no-referrer", path);
    }
  });

  it("keep CORS closed unless an origin is allowed", async () => {
    const res = await app.request("/api/info", { headers: { Origin: "https://evil.example" } });
    assert.equal(res.headers.get("access-control-allow-origin"), null);
    const pre = await app.request("/api/documents", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    assert.equal(pre.headers.get("access-control-allow-origin"), null);
    const open = createApp({ db: readDb, corsOrigins: ["https://ok.example"] });
    const ok = await open.request("/api/info", { headers: { Origin: "https://ok.example" } });
    assert.equal(ok.headers.get("access-control-allow-origin"), "https://ok.example");
    const other = await open.request("/api/info", { headers: { Origin: "https://evil.example" } });
    assert.notEqual(other.headers.get("access-control-allow-origin"), "https://evil.example");
  });

  it("answer only to loopback host names (DNS rebinding)", async () => {
    assert.equal((await app.request("http://evil.example/api/info")).status, 421);
    assert.equal((await app.request("http://127.0.0.1:8787/api/info")).status, 200);
    assert.equal((await app.request("http://localhost:5/api/info")).status, 200);
    assert.equal((await app.request("http://[::1]:8787/api/info")).status, 200);
  });

  it("serve the built page and its assets, and nothing outside them", async () => {
    const index = await app.request("/");
    assert.equal(index.status, 200);
    assert.match(index.headers.get("content-type")!, /text\/html/);
    assert.match(await index.text(), /<title>kaidan/);
    assert.match(await (await app.request("/event/ev-2024-x")).text(), /<title>kaidan/);
    const js = await app.request("/assets/app-1234.js");
    assert.match(js.headers.get("content-type")!, /javascript/);
    assert.match(js.headers.get("cache-control")!, /immutable/);
    for (const path of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/assets/%2e%2e%2f%2e%2e%2fpackage.json",
      "/..%5c..%5cpackage.json",
      "/assets/missing.js",
      "/index.html%00.js",
    ]) {
      const res = await app.request(path);
      const text = await res.text();
      assert.ok(!text.includes("do not serve") && !text.includes('"name": "kaidan"'), path);
      assert.ok(res.status === 404 || /<title>kaidan/.test(text), `${path} → ${res.status}`);
    }
    const api = await app.request("/api/nothing");
    assert.equal(api.status, 404);
    assert.match(((await api.json()) as ErrorBody).error.message, /no route/);
    const bare = createApp({ db: readDb, webRoot: null });
    assert.match(await (await bare.request("/")).text(), /npm run build/);
  });
});
