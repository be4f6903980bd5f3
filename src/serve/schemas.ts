/**
 * The HTTP API's schemas (zod, extended for OpenAPI): the same objects
 * validate each request and describe it in the OpenAPI document, and the
 * response schemas type-check what each route returns against the queries'
 * own types.
 */
import { z } from "@hono/zod-openapi";
import { EXPORT_FORMATS } from "../export/index.js";

// ---- request parts -------------------------------------------------------------------------------

export const STATUSES = ["occurred", "planned", "speculated", "cancelled", "denied"] as const;

const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const DateParam = z
  .string()
  .regex(DATE_RE, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
  .openapi({ example: "2024-06" });

const ID_MAX = 300;
export const ActorParam = z
  .string()
  .min(1)
  .max(ID_MAX)
  .openapi({ description: "An actor id (kim-jong-un, RUS, un) or an actor's exact name", example: "RUS" });

export const PairParam = z
  .string()
  .regex(/^[^,]{1,300},[^,]{1,300}$/, "expected two actors separated by a comma, such as RUS,PRK")
  .openapi({ description: "Two actors, comma-separated: events both take part in", example: "RUS,PRK" });

const TYPE_RE = /^[A-Za-z]{2,20}(:[A-Za-z-]{1,30})?$/;
export const TypesParam = z
  .string()
  .max(500)
  .refine(
    (s) => s.split(",").every((t) => TYPE_RE.test(t)),
    "expected PLOVER types or type families, comma-separated (CONSULT, SUPPORT, CONSULT:visit)",
  )
  .openapi({ description: "PLOVER types or families, comma-separated", example: "CONSULT,AGREE" });

export const StatusesParam = z
  .string()
  .max(200)
  .refine(
    (s) => s.split(",").every((t) => (STATUSES as readonly string[]).includes(t)),
    `expected statuses among ${STATUSES.join(", ")}, comma-separated`,
  )
  .openapi({ description: `Statuses, comma-separated (${STATUSES.join(", ")})`, example: "occurred" });

export const TextParam = z
  .string()
  .min(1)
  .max(500)
  .openapi({ description: 'Words that must all occur (space-separated; "quoted phrases")', example: "露朝" });

export const limitParam = (max: number, dflt: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .optional()
    .openapi({ description: `At most this many items (default ${dflt}, at most ${max})`, example: dflt });

export const OffsetParam = z.coerce.number().int().min(0).max(1_000_000).optional().openapi({ example: 0 });

export const CursorParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,800}$/, "expected the `next` value of the previous page")
  .openapi({ description: "The `next` value of the previous page" });

export const IdParam = (example: string, description: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(ID_MAX)
      .openapi({ param: { name: "id", in: "path" }, example, description }),
  });

export const EventFilterQuery = z
  .object({
    actor: ActorParam.optional(),
    pair: PairParam.optional(),
    type: TypesParam.optional(),
    status: StatusesParam.optional(),
    from: DateParam.optional().openapi({ description: "First start date (inclusive)" }),
    to: DateParam.optional().openapi({ description: "Last start date (inclusive)" }),
    text: TextParam.optional(),
  })
  .strict();

export const EventsQuery = EventFilterQuery.extend({
  limit: limitParam(1000, 100),
  after: CursorParam.optional(),
}).strict();

export const ExportQuery = EventFilterQuery.omit({ text: true })
  .extend({
    format: z.enum(EXPORT_FORMATS).openapi({ description: "The export format", example: "jsonl" }),
  })
  .strict();

export const DocumentsQuery = z
  .object({
    limit: limitParam(500, 50),
    offset: OffsetParam,
    from: DateParam.optional().openapi({ description: "Published on or after" }),
    to: DateParam.optional().openapi({ description: "Published on or before" }),
  })
  .strict();

export const SearchQuery = z
  .object({
    q: z.string().min(1).max(500).openapi({
      description: "Words that must all occur; any substring, one character or more",
      example: "露朝",
    }),
    limit: limitParam(100, 20),
    offset: OffsetParam,
  })
  .strict();

export const QuotesQuery = z
  .object({
    speaker: z.string().min(1).max(ID_MAX).optional().openapi({
      description: "A speaker's actor id, or `none` for quotations without one",
      example: "kim-jong-un",
    }),
    doc: z.string().min(1).max(ID_MAX).optional().openapi({ description: "A document id", example: "ex01" }),
    text: z.string().min(1).max(500).optional().openapi({ description: "A substring of the quotation" }),
    from: DateParam.optional().openapi({ description: "Published on or after" }),
    to: DateParam.optional().openapi({ description: "Published on or before" }),
    limit: limitParam(1000, 100),
    offset: OffsetParam,
  })
  .strict();

export const SpeakersQuery = z.object({ limit: limitParam(1000, 200) }).strict();

export const ActorsQuery = z
  .object({
    q: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: "Part of a name or id", example: "プーチン" }),
    kind: z.enum(["person", "state", "organization"]).optional(),
    limit: limitParam(1000, 50),
  })
  .strict();

export const RelationsQuery = z
  .object({
    a: ActorParam.openapi({ description: "A state", example: "RUS" }),
    b: ActorParam.openapi({ description: "Another state", example: "PRK" }),
    from: DateParam.optional(),
    to: DateParam.optional(),
    fill: z
      .enum(["true", "false"])
      .optional()
      .openapi({ description: "Include the months without events (default: when both bounds are given)" }),
  })
  .strict();

export const PairsQuery = z.object({ limit: limitParam(1000, 200) }).strict();

export const NetworkQuery = z
  .object({
    level: z
      .enum(["actors", "states"])
      .optional()
      .openapi({ description: "Ties between the people who met, or between their states" }),
    actor: ActorParam.optional(),
    from: DateParam.optional(),
    to: DateParam.optional(),
    type: TypesParam.optional().openapi({
      description: "Type families counted (default: CONSULT meetings, visits, calls)",
    }),
    status: StatusesParam.optional().openapi({ description: "Statuses counted (default: occurred)" }),
  })
  .strict();

export const PasteBody = z
  .object({
    text: z.string().min(1).max(2_000_000).openapi({ description: "The article's text", example: "…" }),
    title: z.string().max(1000).optional(),
    url: z
      .string()
      .max(2000)
      .regex(/^https?:\/\/[^\s]+$/, "expected an http or https URL")
      .optional(),
    published: DateParam.optional().openapi({ description: "Publication date", example: "2024-06-19" }),
    id: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/,
        "expected letters, digits, '.', '_', ':' or '-' (at most 100)",
      )
      .optional()
      .openapi({ description: "A document id (default: derived from the URL or the text)" }),
  })
  .strict()
  .openapi("PasteDocument");

export const UploadBody = z
  .object({
    files: z.union([z.instanceof(File), z.array(z.instanceof(File))]).openapi({
      type: "array",
      items: { type: "string", format: "binary" },
      description: "Files: .md, .txt, .html, .jsonl (Shift_JIS, EUC-JP and ISO-2022-JP are recognised)",
    }),
  })
  .openapi("UploadDocuments");

// ---- responses ------------------------------------------------------------------------------------

export const ErrorSchema = z
  .object({
    error: z.object({
      status: z.number().int().openapi({ example: 400 }),
      message: z
        .string()
        .openapi({ example: "query parameter 'limit': Too big: expected number to be <=1000" }),
      issues: z.array(z.object({ where: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

const Names = z.object({ ja: z.string(), en: z.string() });
const Span = z.object({ start: z.number().int(), end: z.number().int() });

export const EventDateSchema = z
  .object({ start: z.string(), end: z.string(), granularity: z.string() })
  .openapi("EventDate");

export const EventSummarySchema = z
  .object({
    id: z.string(),
    name: Names,
    type: z.string(),
    mode: z.string().nullable(),
    status: z.enum(STATUSES),
    date: EventDateSchema.nullable(),
    reports: z.number().int(),
    sources: z.number().int(),
    place: z.object({ id: z.string().nullable(), ja: z.string(), en: z.string() }).nullable(),
    participants: z.array(
      z.object({
        id: z.string(),
        ja: z.string(),
        en: z.string(),
        role: z.string(),
        title: z.string().nullable(),
      }),
    ),
    states: z.array(z.string()),
    object: z.string().nullable(),
  })
  .openapi("EventSummary");

export const EventPageSchema = z
  .object({
    items: z.array(EventSummarySchema),
    next: z
      .string()
      .optional()
      .openapi({ description: "Pass as `after` for the next page; absent on the last" }),
  })
  .openapi("EventPage");

const CitationSchema = z
  .object({
    doc: z.string(),
    report: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
  })
  .openapi("Citation");

const FieldValueSchema = z
  .object({ value: z.string(), reports: z.array(z.string()), citations: z.array(CitationSchema) })
  .openapi("FieldValue");

const ParticipantSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["person", "state", "organization"]),
    en: z.string(),
    ja: z.string(),
    represents: z.string().nullable(),
    role: z.enum(["actor", "recipient", "delegate"]),
    titles: z.array(z.string()),
    office: z.string().nullable(),
    officeTitle: z.string().nullable(),
    resolved: z.boolean(),
    reports: z.number().int(),
  })
  .openapi("Participant");

export const CardQuoteSchema = z
  .object({
    id: z.string(),
    doc: z.string(),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    speaker: z
      .object({ id: z.string(), ja: z.string(), en: z.string(), country: z.string().nullable() })
      .nullable(),
    speakerKind: z.string().nullable(),
    speakerText: z.string().nullable(),
    verb: z.string().nullable(),
  })
  .openapi("Quote");

export const CardSourceSchema = z
  .object({
    doc: z.string(),
    url: z.string().nullable(),
    title: z.string().nullable(),
    published: z.string().nullable(),
    reports: z.array(z.string()),
    sentences: z.array(CitationSchema),
  })
  .openapi("Source");

export const EventCardSchema = z
  .object({
    id: z.string(),
    redirectedFrom: z
      .object({ id: z.string(), reason: z.enum(["merged", "renamed", "report"]) })
      .optional()
      .openapi({ description: "Set when the id asked for was a retired event or a report" }),
    name: Names,
    type: z.string(),
    mode: z.string().nullable(),
    status: z.enum(STATUSES),
    statusHistory: z.array(
      z.object({
        status: z.enum(STATUSES),
        published: z.string().nullable(),
        doc: z.string(),
        report: z.string(),
      }),
    ),
    date: EventDateSchema.nullable(),
    place: z
      .object({
        id: z.string().nullable(),
        ja: z.string(),
        en: z.string(),
        kind: z.string().nullable(),
        country: z.string().nullable(),
      })
      .nullable(),
    participants: z.array(ParticipantSchema),
    delegations: z.array(z.object({ state: z.string().nullable(), members: z.array(ParticipantSchema) })),
    object: z.string().nullable(),
    outcomes: z.array(EventSummarySchema),
    quotes: z.array(CardQuoteSchema),
    reactions: z.object({ events: z.array(EventSummarySchema), quotes: z.array(CardQuoteSchema) }),
    series: z.object({
      key: z.string().nullable(),
      previous: EventSummarySchema.nullable(),
      next: EventSummarySchema.nullable(),
      all: z.array(EventSummarySchema),
    }),
    sources: z.array(CardSourceSchema),
    fields: z.record(z.string(), z.array(FieldValueSchema)),
    conflicts: z.array(
      z.object({
        field: z.enum(["type", "mode", "status", "date", "place", "object", "role"]),
        values: z.array(z.string()),
        chosen: z.string(),
        note: z.string(),
      }),
    ),
    score: z.number().nullable(),
    quad: z.number().int().nullable(),
  })
  .openapi("EventCard");

export const ItinerarySchema = z
  .object({
    trip: EventSummarySchema,
    travellers: z.array(z.object({ id: z.string(), ja: z.string(), en: z.string() })),
    host: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    stops: z.array(EventSummarySchema),
  })
  .openapi("Itinerary");

export const DocumentListSchema = z
  .object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        url: z.string().nullable(),
        published: z.string().nullable(),
        format: z.string(),
        length: z.number().int(),
        events: z.number().int(),
        quotes: z.number().int(),
      }),
    ),
  })
  .openapi("DocumentList");

export const DocumentSchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    published: z.string().nullable(),
    lang: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    ingestedAt: z.string(),
    updatedAt: z.string(),
    body: z.string().openapi({ description: "The raw body; every span is body.slice(start, end)" }),
    citations: z.array(
      Span.extend({
        text: z.string(),
        report: z.string(),
        event: z.object({ id: z.string(), name: Names, type: z.string(), status: z.string() }).nullable(),
      }),
    ),
    quotes: z.array(
      Span.extend({
        id: z.string(),
        text: z.string(),
        speaker: z.object({ id: z.string(), ja: z.string(), en: z.string() }).nullable(),
        speakerKind: z.string().nullable(),
      }),
    ),
    mentions: z.array(
      Span.extend({
        text: z.string(),
        actor: z.object({ id: z.string(), kind: z.string(), ja: z.string(), en: z.string() }),
      }),
    ),
  })
  .openapi("Document");

export const QuoteItemSchema = CardQuoteSchema.extend({
  published: z.string().nullable(),
  title: z.string().nullable(),
}).openapi("QuoteItem");

export const QuoteListSchema = z
  .object({
    total: z.number().int(),
    estimated: z.literal(true).optional().openapi({
      description: "present when total is estimated: a short text in many quotations of a large database",
    }),
    items: z.array(QuoteItemSchema),
  })
  .openapi("QuoteList");

export const SpeakersSchema = z
  .object({
    speakers: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        ja: z.string(),
        en: z.string(),
        country: z.string().nullable(),
        quotes: z.number().int(),
        documents: z.number().int(),
      }),
    ),
    unattributed: z.number().int(),
  })
  .openapi("Speakers");

export const ActorSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    ja: z.string(),
    en: z.string(),
    country: z.string().nullable(),
    resolved: z.boolean(),
    mentions: z.number().int(),
    events: z.number().int(),
    first: z.string().nullable(),
    last: z.string().nullable(),
  })
  .openapi("Actor");

const MonthFields = {
  events: z.number().int(),
  cooperation: z.number().int(),
  conflict: z.number().int(),
  score: z.number(),
  mean: z.number().nullable(),
  types: z.record(z.string(), z.number().int()),
};

export const RelationsSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    months: z.array(z.object({ month: z.string(), ...MonthFields })),
    total: z.object(MonthFields),
  })
  .openapi("Relations");

const StateRef = z.object({ id: z.string(), ja: z.string(), en: z.string() });
export const PairsSchema = z
  .object({
    items: z.array(
      z.object({
        a: StateRef,
        b: StateRef,
        events: z.number().int(),
        first: z.string().nullable(),
        last: z.string().nullable(),
      }),
    ),
  })
  .openapi("StatePairs");

export const NetworkSchema = z
  .object({
    level: z.enum(["actors", "states"]),
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        ja: z.string(),
        en: z.string(),
        country: z.string().nullable(),
        events: z.number().int(),
        first: z.string().nullable(),
        last: z.string().nullable(),
      }),
    ),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        weight: z.number().int(),
        first: z.string().nullable(),
        last: z.string().nullable(),
        meetings: z.array(z.object({ event: z.string(), date: z.string().nullable(), family: z.string() })),
      }),
    ),
  })
  .openapi("Network");

const SnippetSchema = z
  .object({
    field: z.enum(["title", "body"]),
    start: z.number().int(),
    end: z.number().int(),
    parts: z.array(z.object({ text: z.string(), hit: z.boolean() })),
  })
  .openapi("Snippet");

export const DocumentSearchSchema = z
  .object({
    query: z.string(),
    terms: z.array(z.string()),
    total: z.number().int(),
    estimated: z.literal(true).optional().openapi({
      description: "present when total is estimated: terms in most articles of a large database",
    }),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        url: z.string().nullable(),
        published: z.string().nullable(),
        score: z.number().nullable(),
        count: z.number().int(),
        matches: z.array(Span),
        titleMatches: z.array(Span),
        snippets: z.array(SnippetSchema),
      }),
    ),
  })
  .openapi("DocumentSearch");

export const SearchSchema = z
  .object({
    query: z.string(),
    documents: DocumentSearchSchema,
    events: z.array(EventSummarySchema),
    actors: z.array(ActorSchema),
    quotes: z.array(QuoteItemSchema),
  })
  .openapi("Search");

export const InfoSchema = z
  .object({
    name: z.literal("kaidan"),
    version: z.string(),
    schema: z.number().int(),
    documents: z.number().int(),
    events: z.number().int(),
    actors: z.number().int(),
    quotes: z.number().int(),
    writable: z
      .boolean()
      .openapi({ description: "Whether the write routes accept a token (one was set at start)" }),
  })
  .openapi("Info");

export const IngestResultSchema = z
  .object({
    documents: z.array(
      z.object({
        id: z.string(),
        title: z.string().nullable(),
        outcome: z.enum(["new", "updated", "unchanged"]),
      }),
    ),
    events: z.number().int(),
    quotes: z.number().int(),
    notDiplomacy: z.number().int().openapi({
      description:
        "Documents stored for search but not analysed: no party to diplomacy beside a trigger word or a quotation",
    }),
    errors: z.array(z.string()),
  })
  .openapi("IngestResult");
