/**
 * Cross-document resolution: each report (one document's event) belongs to
 * one real-world event.
 *
 * Why the result does not depend on ingestion order: reports are linked when
 * they are compatible (see compatible.ts), and the events of a connected
 * group of reports are a function of that group alone (cluster.ts sorts it
 * by content before grouping). Ingesting a document only changes the groups
 * its reports join or leave, so the resolver recomputes exactly those —
 * found through indexed look-ups by sides and dates — and leaves the rest.
 *
 * Why ids are stable: an event's id is derived from one of its reports (the
 * first published), so the same reports always give the same id. When
 * resolution retires an id (two events merged, or an earlier report now
 * founds the event), a tombstone points to the event that took its reports.
 */
import type { ExtractedEvent, Extraction } from "../../extract/types.js";
import type { Lexicon } from "../../lexicon/lexicon.js";
import type { DB } from "../../store/database.js";
import { clusterReports, eventIdOf } from "./cluster.js";
import { compatible, samePeople } from "./compatible.js";
import { mergeReports } from "./merge.js";
import { reportSignature, type ReportSignature } from "./signature.js";
import { EventStore } from "./store.js";

/** What was resolved before a document is replaced: the groups its old reports were in. */
export interface PriorState {
  doc: string;
  /** Report → event, for every report of the groups the document's old reports belonged to. */
  membership: Map<string, string | null>;
  /** The document's own old reports (deleted when it is replaced), with their signatures. */
  own: Map<string, ReportSignature>;
}

export interface ResolveSummary {
  /** Events written (new or changed). */
  written: number;
  /** Event ids retired, with their survivor. */
  retired: { id: string; survivor: string | null }[];
}

/** A report as the resolver walks it: its signature and the event it is in so far. */
type Member = { sig: ReportSignature; event: string | null };

/**
 * The reports of documents new to the database, stored since the resolver
 * began {@link EventResolver.defer deferring}, waiting to be resolved together.
 */
interface Pending {
  seeds: string[];
  known: Map<string, Member>;
  extracted: Map<string, ExtractedEvent>;
}

const nothingPending = (): Pending => ({ seeds: [], known: new Map(), extracted: new Map() });

export class EventResolver {
  private readonly store: EventStore;
  private pending: Pending | null = null;

  constructor(
    db: DB,
    private readonly lex: Lexicon,
  ) {
    this.store = new EventStore(db);
  }

  /**
   * From now until {@link flush}, the events of documents new to the database are resolved together at
   * the flush, which the caller must run before its transaction commits. Resolving each document as it
   * is stored merged and rewrote an event again for every report it gained: a batch's reports of one
   * event now rewrite it once. The result is the same, groups being a function of their reports alone.
   */
  defer(): void {
    this.pending ??= nothingPending();
  }

  /** Resolves what is held, and ends the deferral. */
  flush(): ResolveSummary {
    const p = this.pending;
    this.pending = null;
    return p ? this.resolvePending(p) : { written: 0, retired: [] };
  }

  /** Forgets what is held and ends the deferral, after the transaction that stored its reports was rolled back. */
  discard(): void {
    this.pending = null;
  }

  private resolvePending(p: Pending): ResolveSummary {
    if (p.seeds.length === 0) return { written: 0, retired: [] };
    return this.resolve(p.seeds, null, (id) => p.known.has(id), p.known, p.extracted);
  }

  /** Call before the document's stored rows are deleted. */
  before(doc: string): PriorState {
    const own = this.store.reportsOfDocument(doc);
    const membership = new Map<string, string | null>();
    const sigs = new Map<string, ReportSignature>();
    if (own.length > 0) {
      // a document stored before is resolved on its own, against events that hold every report held back
      if (this.pending) {
        this.resolvePending(this.pending);
        this.pending = nothingPending();
      }
      const { members } = this.closure(own.map((r) => r.id));
      for (const [id, m] of members) {
        membership.set(id, m.event);
        sigs.set(id, m.sig);
      }
    }
    return { doc, membership, own: new Map(own.map((r) => [r.id, sigs.get(r.id)!])) };
  }

  /** Call after the document and its events are stored, in the same transaction. */
  after(doc: string, published: string | null, extraction: Extraction, prior: PriorState): ResolveSummary {
    const written = this.signed(published, extraction);
    if (this.pending && prior.own.size === 0) {
      // new to the database: resolved with the others held back
      for (const sig of written) {
        this.pending.seeds.push(sig.id);
        this.pending.known.set(sig.id, { sig, event: null });
      }
      for (const e of extraction.events) this.pending.extracted.set(e.id, e);
      return { written: 0, retired: [] };
    }
    const seeds = written.map((s) => s.id);
    const own = new Set(seeds);
    for (const id of prior.membership.keys()) if (!prior.own.has(id)) seeds.push(id);
    // the document's own reports were just written, with no event yet: not read back
    const known = new Map(written.map((sig) => [sig.id, { sig, event: null }]));
    const extracted = new Map(extraction.events.map((e) => [e.id, e]));
    return this.resolve(seeds, prior, (id) => own.has(id), known, extracted);
  }

  /** Stores a document's reports with their signatures, and its links; returns the report ids. */
  index(published: string | null, extraction: Extraction): string[] {
    return this.signed(published, extraction).map((s) => s.id);
  }

  private signed(published: string | null, extraction: Extraction): ReportSignature[] {
    const sigs: ReportSignature[] = [];
    for (const e of extraction.events) {
      const sig = reportSignature(e, published, this.lex);
      this.store.addReport(sig);
      sigs.push(sig);
    }
    this.store.addDocumentLinks(extraction.events, extraction.quotes);
    return sigs;
  }

  /**
   * Resolves the groups the seed reports belong to. `changed` are reports whose
   * content may differ from what their event was built from.
   */
  resolve(
    seeds: readonly string[],
    prior: PriorState | null,
    changed: (report: string) => boolean,
    known?: ReadonlyMap<string, Member>,
    extracted?: ReadonlyMap<string, ExtractedEvent>,
  ): ResolveSummary {
    const { members } = this.closure(seeds, known);
    // what each affected event held before
    const before = new Map<string, Set<string>>();
    const hold = (event: string | null, report: string) => {
      if (!event) return;
      let set = before.get(event);
      if (!set) before.set(event, (set = new Set()));
      set.add(report);
    };
    for (const [id, event] of prior?.membership ?? []) hold(event, id);
    for (const [id, m] of members) hold(m.event, id);

    const groups = clusterReports([...members.values()].map((m) => m.sig));
    const summary: ResolveSummary = { written: 0, retired: [] };
    const live = new Map<string, ReportSignature[]>();
    for (const g of groups) live.set(eventIdOf(g), g);

    for (const [id, group] of live) {
      this.store.revive(id);
      const old = before.get(id);
      const stored = this.store.stored(id);
      const same =
        old !== undefined &&
        old.size === group.length &&
        group.every((r) => old.has(r.id) && !changed(r.id)) &&
        stored !== undefined;
      for (const r of group) if (members.get(r.id)!.event !== id) this.store.assign(r.id, id);
      if (same) continue;
      const record = mergeReports(
        id,
        group.map((sig) => ({ sig, event: extracted?.get(sig.id) ?? this.store.extracted(sig.id) })),
        this.lex,
      );
      const data = JSON.stringify(record);
      if (stored?.data === data) continue;
      this.store.writeEvent(record, data, stored);
      summary.written++;
    }

    const nowIn = new Map<string, string>();
    for (const [id, group] of live) for (const r of group) nowIn.set(r.id, id);
    // a re-read document's report ids are positions: e1 may now be another event, and only
    // a report still about the same sides and people carries its old event's id forward
    for (const [id, old] of prior?.own ?? []) {
      const now = members.get(id)?.sig;
      if (!now || !old || now.matchKey !== old.matchKey || !samePeople(now, old)) nowIn.delete(id);
    }
    for (const [id, held] of before) {
      if (live.has(id)) continue;
      const survivor = survivorOf(held, nowIn);
      this.store.retire(id, survivor, !survivor ? "retracted" : before.has(survivor) ? "merged" : "renamed");
      summary.retired.push({ id, survivor });
    }
    return summary;
  }

  /**
   * The connected group of reports around the seeds: every stored report
   * reachable through compatible pairs. Each step is an indexed look-up by
   * match key and date window.
   */
  private closure(seeds: readonly string[], known?: ReadonlyMap<string, Member>) {
    const members = new Map<string, Member>();
    const queue: string[] = [];
    for (const id of seeds) {
      if (members.has(id)) continue;
      const r = known?.get(id) ?? this.store.report(id);
      if (!r) continue;
      members.set(id, r);
      queue.push(id);
    }
    // reports seen and found incompatible so far: each is read once however often the walk meets it
    const others = new Map<string, Member>();
    while (queue.length > 0) {
      const sig = members.get(queue.pop()!)!.sig;
      for (const id of this.store.candidates(sig)) {
        if (members.has(id)) continue;
        let c = others.get(id);
        if (!c) {
          c = this.store.report(id);
          if (!c) continue;
          others.set(id, c);
        }
        if (!compatible(sig, c.sig)) continue;
        others.delete(id);
        members.set(id, c);
        queue.push(id);
      }
    }
    return { members };
  }
}

/** The event that took most of a retired event's reports (ties: the smaller id). */
export function survivorOf(held: Iterable<string>, nowIn: ReadonlyMap<string, string>): string | null {
  const votes = new Map<string, number>();
  for (const report of held) {
    const now = nowIn.get(report);
    if (now) votes.set(now, (votes.get(now) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}
