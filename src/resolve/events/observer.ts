/** Cross-document resolution as the store's observer: it runs inside each document's transaction. */
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { HeldWrites } from "../../store/batch.js";
import type { DB } from "../../store/database.js";
import type { StoreObserver } from "../../store/write.js";
import { EventResolver, type PriorState } from "./resolver.js";

/**
 * Resolves each document's events as it is stored; inside a batch that holds its writes
 * (src/store/batch.ts), the events of new documents are resolved together before the batch commits.
 */
export function resolutionObserver(db: DB, lex: Lexicon): StoreObserver<PriorState> & HeldWrites {
  const resolver = new EventResolver(db, lex);
  return {
    beforeReplace: (id) => resolver.before(id),
    afterStore: (source, extraction, prior) =>
      void resolver.after(source.id, source.published ?? null, extraction, prior),
    defer: () => resolver.defer(),
    flush: () => void resolver.flush(),
    discard: () => resolver.discard(),
  };
}
