import type { Extraction } from "../extract/types.js";
import type { AnalysedDocument } from "./document.js";

/** The events and quotes the extraction components left on a document. */
export function extractionOf(doc: AnalysedDocument): Extraction {
  return {
    events: (doc.layers.events as Extraction["events"] | undefined) ?? [],
    quotes: (doc.layers.quotes as Extraction["quotes"] | undefined) ?? [],
  };
}
