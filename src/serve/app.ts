/**
 * The HTTP API and the web page, as a Hono app: read-only JSON routes over
 * the queries of src/query, export downloads through src/export, and two
 * write routes (paste text, upload files) that need the token set at start.
 * Every route's parameters are validated by the zod schemas that also make
 * the OpenAPI document (/api/openapi.json); a malformed request gets a 400
 * that names the parameter and what was expected.
 */
import { createRoute, OpenAPIHono, type z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { type ExportFormat, writeExport } from "../export/index.js";
import type { Lexicon } from "../lexicon/lexicon.js";
import { findActors, getActor, statePairs } from "../query/actors.js";
import { eventCard, eventQuotes, eventSources } from "../query/card.js";
import { getDocument, listDocuments } from "../query/documents.js";
import { type EventFilter, findEventsByName, resolveEventId } from "../query/events.js";
import { itinerary } from "../query/itinerary.js";
import { network } from "../query/network.js";
import { findQuotes, quotePage, quoteSpeakers } from "../query/quotes.js";
import { relations } from "../query/relations.js";
import { findEventsWithText, SearchQueryError, searchDocuments } from "../query/search.js";
import type { Cursor } from "../query/types.js";
import type { DB } from "../store/database.js";
import { MIGRATIONS } from "../store/migrations.js";
import type { Ingestor } from "./ingest.js";
import { type CacheLimits, ResponseCache } from "./cache.js";
import * as S from "./schemas.js";
import { bearer, hostCheck, securityHeaders, tokenMatches } from "./security.js";
import { StaticFiles } from "./static.js";

export const VERSION = "0.1.0";

/** Request bodies: pasted text, and uploads (the readers refuse files over 32 MB). */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export interface AppOptions {
  /** The connection the read routes query (read-only is best). */
  db: DB;
  /** The token write routes need; without one they answer 403. */
  token?: string | null;
  /** Stores what the write routes receive (needs a read-write connection). */
  ingestor?: Ingestor | null;
  /** Resolves actor names and aliases (キム, Putin) in filters and search; ids work without it. */
  lexicon?: Lexicon | null;
  /** The built page (web/dist); null serves the API only. */
  webRoot?: string | null;
  /** Host names the server answers to (DNS-rebinding protection); null accepts any. */
  allowedHosts?: readonly string[] | null;
  /** Origins allowed to call the API from other pages (CORS); none by default. */
  corsOrigins?: readonly string[];
  /** Limits of the cache of read answers (dropped whenever the database changes); false turns it off. */
  cache?: CacheLimits | false;
}

class ApiError extends HTTPException {
  constructor(
    status: 400 | 403 | 404 | 413 | 415 | 500,
    message: string,
    readonly issues?: { where: string; message: string }[],
  ) {
    super(status, { message });
  }
}

const WHERE: Record<string, string> = {
  query: "query parameter",
  param: "path parameter",
  json: "body field",
  form: "form field",
};

function validationError(target: string, error: ZodError): ApiError {
  const issues = error.issues.map((i) => {
    const keys = i.code === "unrecognized_keys" ? i.keys : [];
    const path = i.path.map(String).join(".");
    return {
      where: keys.length
        ? `${WHERE[target] ?? target} ${keys.map((k) => `'${k}'`).join(", ")}`
        : `${WHERE[target] ?? target}${path ? ` '${path}'` : ""}`,
      message: keys.length ? "not a parameter of this route" : i.message,
    };
  });
  const message = issues.map((i) => `${i.where}: ${i.message}`).join("; ") || "invalid request";
  return new ApiError(400, message, issues);
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});
const errors = {
  400: json(S.ErrorSchema, "The request is malformed; the message says which parameter and why"),
};
const notFound = { 404: json(S.ErrorSchema, "No such item") };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.date, c.id]), "utf8").toString("base64url");
function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      (v[0] === null || typeof v[0] === "string") &&
      typeof v[1] === "string"
    )
      return { date: v[0], id: v[1] };
  } catch {
    // reported below
  }
  throw new ApiError(400, "query parameter 'after': not a `next` value of a previous page");
}

const list = (s: string | undefined) => (s ? s.split(",").filter(Boolean) : undefined);
/** PLOVER types in capitals, families with their mode in small letters: consult:visit → CONSULT:visit. */
const typeList = (s: string | undefined) =>
  list(s)?.map((t) => {
    const [type, mode] = t.split(":");
    return mode === undefined ? type!.toUpperCase() : `${type!.toUpperCase()}:${mode.toLowerCase()}`;
  });

export function createApp(opts: AppOptions): OpenAPIHono {
  const { db } = opts;
  const token = opts.token || null;
  const files = new StaticFiles(opts.webRoot ?? null);
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target, result.error);
    },
  });

  app.onError((err, c) => {
    if (err instanceof ApiError)
      return c.json(
        {
          error: { status: err.status, message: err.message, ...(err.issues ? { issues: err.issues } : {}) },
        },
        err.status,
      );
    if (err instanceof SearchQueryError) return c.json({ error: { status: 400, message: err.message } }, 400);
    if (err instanceof HTTPException) {
      const status = err.status;
      return c.json({ error: { status, message: err.message || "request refused" } }, status);
    }
    process.stderr.write(
      `kaidan serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return c.json({ error: { status: 500, message: "internal error" } }, 500);
  });
  app.notFound((c) =>
    c.json({ error: { status: 404, message: `no route ${c.req.method} ${c.req.path}` } }, 404),
  );

  app.use("*", securityHeaders);
  if (opts.allowedHosts) app.use("*", hostCheck(opts.allowedHosts));
  if (opts.corsOrigins?.length)
    app.use(
      "/api/*",
      cors({ origin: [...opts.corsOrigins], allowHeaders: ["Authorization", "Content-Type"] }),
    );
  if (opts.cache !== false) {
    const cache = new ResponseCache(db, opts.cache);
    // exports are streamed and large; everything else under /api is a read that depends on the database only
    app.use(
      "/api/*",
      cache.middleware((path) => path !== "/api/export"),
    );
  }
  app.use("*", compress());
  app.use("/api/*", async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  });

  // ---- actors: an id, else an exact name, else an alias the lexicon knows ----
  const actorStmt = db.prepare(
    "SELECT id FROM actors WHERE id = ? OR ja = ? OR lower(en) = lower(?) LIMIT 2",
  );
  const aliasIds = (q: string): string[] => {
    const lex = opts.lexicon;
    if (!lex) return [];
    const key = q.trim().normalize("NFKC");
    const ids = new Set<string>();
    const abbr = lex.abbreviations.get(key);
    if (abbr) ids.add(abbr);
    for (const r of lex.surfaces.get(key) ?? []) if ("id" in r && typeof r.id === "string") ids.add(r.id);
    return [...ids];
  };
  const actorId = (text: string, param: string): string => {
    const rows = actorStmt.all(text, text, text) as { id: string }[];
    if (rows.some((r) => r.id === text)) return text;
    if (rows.length === 1) return rows[0]!.id;
    const aliases = aliasIds(text);
    if (aliases.length === 1) return aliases[0]!;
    if (aliases.length > 1 || rows.length > 1)
      throw new ApiError(
        400,
        `query parameter '${param}': '${text}' can mean ${[...new Set([...rows.map((r) => r.id), ...aliases])].join(", ")}; give an id`,
      );
    throw new ApiError(400, `query parameter '${param}': no actor '${text}' (see /api/actors?q=…)`);
  };

  const eventFilter = (q: z.infer<typeof S.EventFilterQuery>): EventFilter => {
    const typed = typeList(q.type);
    return {
      ...(q.actor ? { actor: actorId(q.actor, "actor") } : {}),
      ...(q.pair
        ? {
            pair: q.pair.split(",").map((p, i) => actorId(p.trim(), i === 0 ? "pair" : "pair")) as [
              string,
              string,
            ],
          }
        : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(typed?.some((t) => !t.includes(":")) ? { types: typed.filter((t) => !t.includes(":")) } : {}),
      ...(typed?.some((t) => t.includes(":")) ? { families: typed.filter((t) => t.includes(":")) } : {}),
      ...(q.status ? { status: list(q.status) } : {}),
    };
  };

  // ---- info and the OpenAPI document ----

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/info",
      summary: "What the database holds, and whether the write routes are open",
      tags: ["info"],
      responses: { 200: json(S.InfoSchema, "Counts") },
    }),
    (c) => {
      const n = (table: string) =>
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return c.json(
        {
          name: "kaidan" as const,
          version: VERSION,
          schema: MIGRATIONS.length,
          documents: n("documents"),
          events: n("events"),
          actors: n("actors"),
          quotes: n("quotes"),
          writable: token !== null && !!opts.ingestor,
        },
        200,
      );
    },
  );

  // ---- documents ----

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/documents",
      summary: "The documents, newest first",
      tags: ["documents"],
      request: { query: S.DocumentsQuery },
      responses: { 200: json(S.DocumentListSchema, "A page of documents"), ...errors },
    }),
    (c) => c.json(listDocuments(db, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/documents/{id}",
      summary: "One document: its raw body and every span kaidan cites in it",
      tags: ["documents"],
      request: { params: S.IdParam("ex01", "A document id") },
      responses: { 200: json(S.DocumentSchema, "The document"), ...errors, ...notFound },
    }),
    (c) => {
      const d = getDocument(db, c.req.valid("param").id);
      if (!d) throw new ApiError(404, `no document '${c.req.valid("param").id}'`);
      return c.json(d, 200);
    },
  );

  // ---- events ----

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/events",
      summary: "Events by date, filtered by actor, pair, type, status, dates and text",
      tags: ["events"],
      request: { query: S.EventsQuery },
      responses: { 200: json(S.EventPageSchema, "A page of events"), ...errors },
    }),
    (c) => {
      const q = c.req.valid("query");
      const page = findEventsWithText(
        db,
        { ...eventFilter(q), limit: q.limit ?? 100, ...(q.after ? { after: decodeCursor(q.after) } : {}) },
        q.text,
      );
      return c.json({ items: page.items, ...(page.next ? { next: encodeCursor(page.next) } : {}) }, 200);
    },
  );

  const liveEvent = (id: string): string => {
    const resolved = resolveEventId(db, id);
    if (resolved) return resolved.id;
    const named = findEventsByName(db, id);
    if (named.length === 1) return named[0]!.id;
    throw new ApiError(404, `no event '${id}'`);
  };
  const eventParam = S.IdParam(
    "ev-2024-…",
    "An event id, a retired id, a report id (doc#e1) or an exact name",
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/events/{id}",
      summary:
        "The event card: name, date, place, participants, outcomes, quotes, reactions, series, sources",
      tags: ["events"],
      request: { params: eventParam },
      responses: { 200: json(S.EventCardSchema, "The card"), ...errors, ...notFound },
    }),
    (c) => {
      const id = c.req.valid("param").id;
      const card = eventCard(db, resolveEventId(db, id) ? id : liveEvent(id));
      if (!card) throw new ApiError(404, `no event '${id}'`);
      return c.json(card, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/events/{id}/quotes",
      summary: "What was said at or about the event",
      tags: ["events", "quotes"],
      request: { params: eventParam },
      responses: {
        200: json(S.CardQuoteSchema.array().openapi("Quotes"), "Quotations"),
        ...errors,
        ...notFound,
      },
    }),
    (c) => c.json(eventQuotes(db, liveEvent(c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/events/{id}/sources",
      summary: "The documents reporting the event, with the sentences that report it",
      tags: ["events"],
      request: { params: eventParam },
      responses: {
        200: json(S.CardSourceSchema.array().openapi("Sources"), "Sources"),
        ...errors,
        ...notFound,
      },
    }),
    (c) => c.json(eventSources(db, liveEvent(c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/events/{id}/itinerary",
      summary: "The itinerary of the trip a visit belongs to",
      tags: ["events"],
      request: { params: eventParam },
      responses: { 200: json(S.ItinerarySchema, "The trip's stops"), ...errors, ...notFound },
    }),
    (c) => {
      const it = itinerary(db, liveEvent(c.req.valid("param").id));
      if (!it) throw new ApiError(404, `no event '${c.req.valid("param").id}'`);
      return c.json(it, 200);
    },
  );

  // ---- quotes ----

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/quotes",
      summary: "Quotations by speaker, document, text or publication date",
      tags: ["quotes"],
      request: { query: S.QuotesQuery },
      responses: { 200: json(S.QuoteListSchema, "Quotations, newest first"), ...errors },
    }),
    (c) => {
      const q = c.req.valid("query");
      const speaker = q.speaker && q.speaker !== "none" ? actorId(q.speaker, "speaker") : q.speaker;
      return c.json(findQuotes(db, { ...q, ...(speaker ? { speaker } : {}) }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/quotes/speakers",
      summary: "Who is quoted, most often first",
      tags: ["quotes"],
      request: { query: S.SpeakersQuery },
      responses: { 200: json(S.SpeakersSchema, "Speakers"), ...errors },
    }),
    (c) => c.json(quoteSpeakers(db, c.req.valid("query").limit ?? 200), 200),
  );

  // ---- actors, relations, network ----

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/actors",
      summary: "People, states and organisations, with mention and event counts",
      tags: ["actors"],
      request: { query: S.ActorsQuery },
      responses: {
        200: json(S.ActorSchema.array().openapi("Actors"), "Actors, most active first"),
        ...errors,
      },
    }),
    (c) => {
      const q = c.req.valid("query");
      return c.json(findActors(db, { ...q, ...(q.q ? { ids: aliasIds(q.q) } : {}) }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/actors/{id}",
      summary: "One actor",
      tags: ["actors"],
      request: { params: S.IdParam("kim-jong-un", "An actor id") },
      responses: { 200: json(S.ActorSchema, "The actor"), ...errors, ...notFound },
    }),
    (c) => {
      const a = getActor(db, c.req.valid("param").id);
      if (!a) throw new ApiError(404, `no actor '${c.req.valid("param").id}'`);
      return c.json(a, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/relations",
      summary: "Relations of two states month by month: counts and PLOVER cooperation–conflict scores",
      tags: ["relations"],
      request: { query: S.RelationsQuery },
      responses: { 200: json(S.RelationsSchema, "Months"), ...errors },
    }),
    (c) => {
      const q = c.req.valid("query");
      return c.json(
        relations(db, {
          a: actorId(q.a, "a"),
          b: actorId(q.b, "b"),
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
          ...(q.fill ? { fill: q.fill === "true" } : {}),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/relations/pairs",
      summary: "Pairs of states with scored events, the busiest first",
      tags: ["relations"],
      request: { query: S.PairsQuery },
      responses: { 200: json(S.PairsSchema, "Pairs"), ...errors },
    }),
    (c) => c.json({ items: statePairs(db, c.req.valid("query").limit ?? 200) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/network",
      summary: "Who met whom: ties weighted by meetings, visits and calls, with their dates",
      tags: ["network"],
      request: { query: S.NetworkQuery },
      responses: { 200: json(S.NetworkSchema, "Nodes and edges"), ...errors },
    }),
    (c) => {
      const q = c.req.valid("query");
      return c.json(
        network(db, {
          ...(q.level ? { level: q.level } : {}),
          ...(q.actor ? { actor: actorId(q.actor, "actor") } : {}),
          ...(q.from ? { from: q.from } : {}),
          ...(q.to ? { to: q.to } : {}),
          ...(q.type ? { families: typeList(q.type) } : {}),
          ...(q.status ? { status: list(q.status) } : {}),
        }),
        200,
      );
    },
  );

  // ---- search ----

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/search",
      summary:
        "Everything at once: articles by substring with highlighted snippets, events, actors, quotations",
      tags: ["search"],
      request: { query: S.SearchQuery },
      responses: { 200: json(S.SearchSchema, "Results"), ...errors },
    }),
    (c) => {
      const q = c.req.valid("query");
      const documents = searchDocuments(db, { q: q.q, limit: q.limit ?? 20, offset: q.offset ?? 0 });
      const first = documents.terms[0]!;
      return c.json(
        {
          query: q.q,
          documents,
          events: findEventsWithText(db, { limit: 50 }, q.q).items,
          actors: findActors(db, { q: first, ids: aliasIds(first), limit: 20 }),
          quotes: quotePage(db, { text: first, limit: 20 }).filter((x) =>
            documents.terms.every((t) => x.text.includes(t)),
          ),
        },
        200,
      );
    },
  );

  // ---- exports ----

  const EXPORT_TYPES: Record<ExportFormat, { type: string; ext: string }> = {
    jsonl: { type: "application/x-ndjson; charset=utf-8", ext: "jsonl" },
    csv: { type: "text/csv; charset=utf-8", ext: "csv" },
    "actors-csv": { type: "text/csv; charset=utf-8", ext: "actors.csv" },
    timelinejs: { type: "application/json; charset=utf-8", ext: "timeline.json" },
    "timelinejs-csv": { type: "text/csv; charset=utf-8", ext: "timeline.csv" },
    gexf: { type: "application/gexf+xml; charset=utf-8", ext: "gexf" },
    graphml: { type: "application/graphml+xml; charset=utf-8", ext: "graphml" },
    schema: { type: "application/schema+json; charset=utf-8", ext: "schema.json" },
  };
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/export",
      summary: "Download the events a filter selects in an export format",
      tags: ["export"],
      request: { query: S.ExportQuery },
      responses: {
        200: {
          description: "The file, as an attachment",
          content: Object.fromEntries(
            [...new Set(Object.values(EXPORT_TYPES).map((t) => t.type))].map((t) => [
              t.split(";")[0]!,
              { schema: { type: "string" as const } },
            ]),
          ),
        },
        ...errors,
      },
    }),
    (c) => {
      const q = c.req.valid("query");
      const chunks: string[] = [];
      writeExport(db, q.format, eventFilter(q), (s) => chunks.push(s), opts.lexicon ?? null);
      const t = EXPORT_TYPES[q.format];
      return c.body(chunks.join(""), 200, {
        "Content-Type": t.type,
        "Content-Disposition": `attachment; filename="kaidan-events.${t.ext}"`,
      });
    },
  );

  // ---- writing: the token first, then the size of the body, then its shape ----

  const requireToken = async (c: Parameters<Parameters<typeof app.use>[1]>[0], next: () => Promise<void>) => {
    if (c.req.method !== "POST") return next();
    if (token === null || !opts.ingestor)
      throw new ApiError(
        403,
        "writing is disabled: start kaidan serve with --token (or $KAIDAN_TOKEN) to allow it",
      );
    if (!tokenMatches(bearer(c.req.header("authorization")), token))
      throw new ApiError(403, "a valid token is needed: send 'Authorization: Bearer <token>'");
    return next();
  };
  const tooLarge = (max: number) => () => {
    throw new ApiError(413, `the request body is larger than ${max / 1024 / 1024} MB`);
  };
  app.use("/api/documents", requireToken);
  app.use("/api/documents", bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge(MAX_JSON_BYTES) }));
  app.use("/api/documents/upload", requireToken);
  app.use(
    "/api/documents/upload",
    bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: tooLarge(MAX_UPLOAD_BYTES) }),
  );

  const writeErrors = {
    ...errors,
    403: json(S.ErrorSchema, "No token was set at start, or the request's token is not it"),
    413: json(S.ErrorSchema, "The body is too large"),
  };
  const bearerAuth = [{ bearer: [] as string[] }];
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/documents",
      summary: "Ingest pasted text (needs the token)",
      tags: ["documents", "write"],
      security: bearerAuth,
      request: { body: { content: { "application/json": { schema: S.PasteBody } }, required: true } },
      responses: { 200: json(S.IngestResultSchema, "What was stored"), ...writeErrors },
    }),
    async (c) => c.json(await opts.ingestor!.paste(c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/documents/upload",
      summary: "Ingest uploaded files (needs the token)",
      tags: ["documents", "write"],
      security: bearerAuth,
      request: { body: { content: { "multipart/form-data": { schema: S.UploadBody } }, required: true } },
      responses: { 200: json(S.IngestResultSchema, "What was stored"), ...writeErrors },
    }),
    async (c) => {
      const form = await c.req.parseBody({ all: true });
      const raw = form.files;
      const given = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
        (f): f is File => f instanceof File,
      );
      if (given.length === 0) throw new ApiError(400, "form field 'files': no file was sent");
      if (given.length > 200) throw new ApiError(400, "form field 'files': at most 200 files at once");
      const uploads = await Promise.all(
        given.map(async (f) => ({ name: f.name || "upload", bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      return c.json(await opts.ingestor!.files(uploads), 200);
    },
  );

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "kaidan",
      version: VERSION,
      description:
        "A cited record of diplomatic events read from Japanese news: events, event cards, documents with " +
        "their cited spans, quotations, actors, relations, the actor network, full-text search and exports. " +
        "Every span is a UTF-16 index pair into a document's raw body.",
    },
  });

  // ---- the web page ----

  app.get("*", (c) => {
    if (c.req.path.startsWith("/api/") || c.req.path === "/api")
      throw new ApiError(404, `no route GET ${c.req.path}`);
    const file = files.lookup(c.req.path);
    if (!file) {
      if (!files.available)
        return c.text("The web page is not built: run `npm run build` (the API is at /api/).", 404);
      return c.text("Not found", 404);
    }
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": file.type,
      "Cache-Control": file.immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  });

  return app;
}
