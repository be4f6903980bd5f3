/** Cross-document resolution as the store's observer: it runs inside each document's transaction. */
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { DB } from "../../store/database.js";
import type { StoreObserver } from "../../store/write.js";
import { EventResolver, type PriorState } from "./resolver.js";

export function resolutionObserver(db: DB, lex: Lexicon): StoreObserver<PriorState> {
  const resolver = new EventResolver(db, lex);
  return {
    beforeReplace: (id) => resolver.before(id),
    afterStore: (source, extraction, prior) =>
      void resolver.after(source.id, source.published ?? null, extraction, prior),
  };
}
