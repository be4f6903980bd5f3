/**
 * The built web page (web/dist) as static files. The files are listed once
 * at start and a request can only name one of them: no request path is ever
 * joined to a folder, so no path can leave it. Unknown paths that look like
 * the page's own routes (/timeline, /event/…) get index.html.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export interface StaticFile {
  body: Uint8Array;
  type: string;
  /** Hashed file names (assets/…) never change and may be cached for good. */
  immutable: boolean;
}

/** The web/dist folder beside the package (from src/serve or dist/serve). */
export function defaultWebRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "web", "dist");
    if (existsSync(join(candidate, "index.html"))) return candidate;
    dir = dirname(dir);
  }
  return null;
}

export class StaticFiles {
  private readonly files = new Map<string, StaticFile>();

  constructor(root: string | null) {
    if (!root || !existsSync(root)) return;
    const visit = (dir: string) => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        const st = statSync(path);
        if (st.isDirectory()) visit(path);
        else if (st.isFile() && TYPES[extname(name)]) {
          const url = `/${relative(root, path).split(sep).join("/")}`;
          this.files.set(url, {
            body: readFileSync(path),
            type: TYPES[extname(name)]!,
            immutable: url.startsWith("/assets/"),
          });
        }
      }
    };
    visit(root);
  }

  get available(): boolean {
    return this.files.has("/index.html");
  }

  /** The file a request path names, or the page for a route of the page, or nothing. */
  lookup(path: string): StaticFile | undefined {
    const file = this.files.get(path === "/" ? "/index.html" : path);
    if (file) return file;
    // the page's own routes have no extension; a missing asset stays a 404
    if (!/\.[A-Za-z0-9]+$/.test(path) && !path.startsWith("/api/") && path !== "/api")
      return this.files.get("/index.html");
    return undefined;
  }
}
