/**
 * The standard pipeline: the foundation components followed by event and
 * quotation extraction.
 */
import { extractEvents } from "../extract/events/index.js";
import { extractQuotes } from "../extract/quotes.js";
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
  run(doc) {
    doc.layers.quotes = extractQuotes(doc);
  },
};

export const STANDARD: Component[] = [...FOUNDATION, events, quotes];

export function createExtractionPipeline(opts: ContextOptions = {}): Pipeline {
  return new Pipeline(createContext(opts), STANDARD);
}
