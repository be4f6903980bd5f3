/**
 * The standard pipeline: the foundation components followed by event and
 * quotation extraction.
 */
import { type ContextOptions, createContext } from "./context.js";
import { FOUNDATION, Pipeline } from "./pipeline.js";

export function createExtractionPipeline(opts: ContextOptions = {}): Pipeline {
  return new Pipeline(createContext(opts), [...FOUNDATION]);
}
