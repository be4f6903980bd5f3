import type { PipelineContext } from "../../pipeline/context.js";
import type { AnalysedDocument } from "../../pipeline/document.js";
import type { ExtractedEvent } from "../types.js";
import { findCandidates } from "./extract.js";
import { finalizeEvents } from "./finalize.js";
import { attendGatherings } from "./gatherings.js";
import { mergeCandidates } from "./merge.js";
import { datedAgreements } from "./references.js";

/** Events of one document: candidates from triggers, merged, finalised. */
export function extractEvents(doc: AnalysedDocument, ctx: PipelineContext): ExtractedEvent[] {
  const candidates = [...findCandidates(doc, ctx), ...datedAgreements(doc, ctx)];
  attendGatherings(doc, candidates);
  return finalizeEvents(doc, ctx, mergeCandidates(doc, ctx, candidates));
}
