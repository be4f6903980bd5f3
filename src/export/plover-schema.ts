/** The JSON Schema (draft 2020-12) of one line of kaidan's PLOVER JSONL export. */

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: "null" }] });
const isoDay = { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
const span = {
  type: "object",
  required: ["doc", "report", "start", "end", "text"],
  properties: {
    doc: { type: "string" },
    report: { type: "string" },
    start: { type: "integer", minimum: 0 },
    end: { type: "integer", minimum: 0 },
    text: { type: "string" },
  },
  additionalProperties: false,
};
const entity = {
  type: "object",
  required: ["code", "entity_name", "kaidan_id", "kind"],
  properties: {
    code: {
      type: "string",
      description: "the state (ISO 3166 alpha-3) or organisation the actor stands for",
    },
    sector: nullable({ type: "string" }),
    entity_text: { type: "string" },
    entity_name: { type: "string" },
    identifier_id: nullable({ type: "string", pattern: "^Q\\d+$" }),
    identifier_text: { type: "string" },
    office: nullable({ type: "string" }),
    kaidan_id: { type: "string" },
    kind: { enum: ["person", "state", "organization"] },
    titles: { type: "array", items: { type: "string" } },
  },
  additionalProperties: false,
};
const status = { enum: ["occurred", "planned", "speculated", "cancelled", "denied"] };

export const PLOVER_JSONL_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://kaidan.example/schema/plover-jsonl.json",
  title: "kaidan event (PLOVER JSONL with kaidan's extensions)",
  type: "object",
  required: ["id", "date", "actor", "event", "kaidan"],
  properties: {
    id: { type: "string", pattern: "^ev-" },
    date: nullable(isoDay),
    enddate: isoDay,
    actor: { type: "array", items: entity },
    recipient: { type: "array", items: entity },
    event: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 1 },
    mode: { type: "array", items: { type: "string" } },
    context: { type: "array", items: { type: "string" } },
    quad_code: nullable({ type: "integer", minimum: 1, maximum: 4 }),
    event_scale: nullable({ type: "number", minimum: -10, maximum: 10 }),
    event_loc: nullable({
      type: "object",
      required: ["resolved_place"],
      properties: {
        extracted_place: { type: "string" },
        resolved_place: { type: "string" },
        country_code: nullable({ type: "string" }),
        kaidan_place_id: nullable({ type: "string" }),
        feature: nullable({ type: "string" }),
      },
      additionalProperties: false,
    }),
    event_text: { type: "array", items: { type: "string" } },
    cite_info: {
      type: "array",
      items: {
        type: "object",
        required: ["citation", "language"],
        properties: {
          citation: { type: "string" },
          url: nullable({ type: "string" }),
          title: nullable({ type: "string" }),
          published: nullable({ type: "string" }),
          language: { const: "ja" },
          coder: { type: "string" },
        },
        additionalProperties: false,
      },
    },
    coder: { const: "kaidan" },
    kaidan: {
      type: "object",
      required: ["name", "status", "status_history", "citations", "quotes", "reports", "sources"],
      properties: {
        name: {
          type: "object",
          required: ["ja", "en"],
          properties: { ja: { type: "string" }, en: { type: "string" } },
          additionalProperties: false,
        },
        status,
        status_history: {
          type: "array",
          items: {
            type: "object",
            required: ["status", "doc", "report"],
            properties: {
              status,
              published: nullable({ type: "string" }),
              doc: { type: "string" },
              report: { type: "string" },
            },
            additionalProperties: false,
          },
        },
        granularity: nullable({ type: "string" }),
        family: { type: "string" },
        object: nullable({ type: "string" }),
        delegates: { type: "array", items: entity },
        quotes: {
          type: "array",
          items: {
            type: "object",
            required: ["doc", "start", "end", "text"],
            properties: {
              doc: { type: "string" },
              start: { type: "integer" },
              end: { type: "integer" },
              text: { type: "string" },
              speaker: nullable({ type: "string" }),
              speaker_text: nullable({ type: "string" }),
              speaker_kind: nullable({ type: "string" }),
            },
            additionalProperties: false,
          },
        },
        citations: {
          type: "object",
          description: "per field: each value with the reports that give it and the spans that say so",
          additionalProperties: {
            type: "array",
            items: {
              type: "object",
              required: ["value", "reports", "spans"],
              properties: {
                value: { type: "string" },
                reports: { type: "array", items: { type: "string" } },
                spans: { type: "array", items: span },
              },
              additionalProperties: false,
            },
          },
        },
        sentences: { type: "array", items: span },
        conflicts: {
          type: "array",
          items: {
            type: "object",
            required: ["field", "values", "chosen", "note"],
            properties: {
              field: { type: "string" },
              values: { type: "array", items: { type: "string" } },
              chosen: { type: "string" },
              note: { type: "string" },
            },
            additionalProperties: false,
          },
        },
        series: nullable({ type: "string" }),
        reports: { type: "integer", minimum: 1 },
        sources: { type: "integer", minimum: 1 },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

export function writeSchema(write: (s: string) => void): void {
  write(`${JSON.stringify(PLOVER_JSONL_SCHEMA, null, 2)}\n`);
}
