/**
 * The standard pipeline: the foundation components followed by event and
 * quotation extraction.
 */
import { extractEvents } from "../extract/events/index.js";
import { linkReactions } from "../extract/events/links.js";
import { extractQuotes } from "../extract/quotes.js";
import type { ExtractedEvent, ExtractedQuote } from "../extract/types.js";
import { type ContextOptions, createContext } from "./context.js";
import { type Component, FOUNDATION, Pipeline } from "./pipeline.js";

export const events: Component = {
  name: "events",
  run(doc, ctx) {
    doc.layers.events = extractEvents(doc, ctx);
  },
};

export const quotes: Component = {
  name: "quotes",
  run(doc, ctx) {
    doc.layers.quotes = extractQuotes(doc, ctx.lexicon);
  },
};

/** Quotations by the parties belong to the main event; those of third states react to it. */
export const reactions: Component = {
  name: "reactions",
  run(doc) {
    linkReactions(
      (doc.layers.events as ExtractedEvent[] | undefined) ?? [],
      (doc.layers.quotes as ExtractedQuote[] | undefined) ?? [],
    );
  },
};

export const STANDARD: Component[] = [...FOUNDATION, events, quotes, reactions];

export function createExtractionPipeline(opts: ContextOptions = {}): Pipeline {
  return new Pipeline(createContext(opts), STANDARD);
}
