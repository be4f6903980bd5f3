/**
 * Ingesting through the API: pasted text and uploaded files are written to
 * a fresh private folder under the system's temporary folder and read by
 * the same readers and standard pipeline as `kaidan ingest` (front matter,
 * HTML, JSON Lines, Japanese encodings), one document per transaction.
 * One ingestion runs at a time; the others wait their turn.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { stringify } from "yaml";
import { type IngestReport, ingestPaths } from "../pipeline/ingest.js";
import type { Pipeline } from "../pipeline/pipeline.js";
import { isReadable } from "../read/index.js";
import type { DB } from "../store/database.js";

export interface IngestOutcome {
  documents: { id: string; title: string | null; outcome: "new" | "updated" | "unchanged" }[];
  events: number;
  quotes: number;
  /** Documents stored for search but not analysed: not about diplomacy. */
  notDiplomacy: number;
  errors: string[];
}

export interface Paste {
  text: string;
  title?: string;
  url?: string;
  published?: string;
  id?: string;
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export class Ingestor {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DB,
    private readonly pipeline: () => Pipeline,
  ) {}

  /** Text with its metadata, stored as a Markdown document with front matter. */
  paste(p: Paste): Promise<IngestOutcome> {
    const meta: Record<string, string> = { lang: "ja" };
    if (p.id) meta.id = p.id;
    if (p.title) meta.title = p.title;
    if (p.url) meta.url = p.url;
    if (p.published) meta.published = p.published;
    // the front matter always comes first, so text that starts with --- stays text
    const file = `---\n${stringify(meta)}---\n${p.text}`;
    return this.files([{ name: "pasted.md", bytes: new TextEncoder().encode(file) }]);
  }

  /** Uploaded files; names are reduced to a safe base name and only readable extensions are accepted. */
  files(uploads: readonly Upload[]): Promise<IngestOutcome> {
    const run = this.queue.then(() => this.run(uploads));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(uploads: readonly Upload[]): Promise<IngestOutcome> {
    const dir = mkdtempSync(join(tmpdir(), "kaidan-upload-"));
    const errors: string[] = [];
    const names = new Map<string, string>();
    try {
      uploads.forEach((u, i) => {
        const ext = extname(u.name).toLowerCase();
        if (!isReadable(u.name)) {
          errors.push(
            `${u.name}: unsupported file type '${ext || "(none)"}' (expected .md, .txt, .html or .jsonl)`,
          );
          return;
        }
        const base = u.name
          .replace(/^.*[\\/]/, "")
          .slice(0, -ext.length || undefined)
          .replace(/[^A-Za-z0-9._-]+/g, "_")
          .slice(0, 80);
        const safe = `${String(i).padStart(4, "0")}-${base || "file"}${ext}`;
        names.set(join(dir, safe), u.name);
        writeFileSync(join(dir, safe), u.bytes, { flag: "wx", mode: 0o600 });
      });
      const stored: IngestOutcome["documents"] = [];
      const report: IngestReport = await ingestPaths(
        [dir],
        this.pipeline(),
        this.db,
        {
          onDocument: (doc, result) =>
            stored.push({ id: result.id, title: doc.title, outcome: result.outcome }),
        },
        // a few uploaded articles between queries: the server's heaps keep V8's own growth
        { tightHeaps: false },
      );
      for (const e of report.errors) {
        const shown = names.get(e.path) ?? e.path.replace(dir, "upload");
        errors.push(`${shown}${e.line ? `:${e.line}` : ""}: ${e.reason}`);
      }
      return {
        documents: stored,
        events: report.events,
        quotes: report.quotes,
        notDiplomacy: report.notDiplomacy,
        errors,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
