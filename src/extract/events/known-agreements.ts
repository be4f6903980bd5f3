/**
 * Agreements of the lexicon (data/agreements.yaml): those whose names do not say whose they are (平壌宣言,
 * 板門店宣言), with their parties and where they were signed.
 */
import { type Lexicon, surfaceKey } from "../../lexicon/lexicon.js";
import type { AgreementEntry } from "../../lexicon/schema.js";
import type { PipelineContext } from "../../pipeline/context.js";
import type { PlaceArg } from "./arguments.js";

/** An agreement of the lexicon a name ends with (「板門店宣言」, 9月平壌共同宣言), its brackets and glosses aside. */
export function knownAgreement(lex: Lexicon, name: string): AgreementEntry | undefined {
  const plain = name.replace(/[「」『』]/g, "").replace(/[(（][^()（）]*[)）]/g, "");
  for (let i = 0; i < plain.length - 1; i++) {
    const found = lex.agreements.get(surfaceKey(plain.slice(i)));
    if (found) return found;
  }
  return undefined;
}

/** Where the lexicon says an agreement was signed, cited at its name. */
export function signedAt(
  ctx: PipelineContext,
  a: AgreementEntry,
  start: number,
  end: number,
): PlaceArg | null {
  const entry = a.place ? ctx.lexicon.places.get(a.place) : undefined;
  return entry ? { start, end, id: entry.id, entry, particle: "" } : null;
}
