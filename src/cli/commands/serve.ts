import { startServer } from "../../serve/server.js";
import { dbPath } from "../options.js";

export interface ServeCommandOptions {
  db?: string;
  host?: string;
  port?: string;
  token?: string;
  lexicon?: string[];
  cors?: string[];
  allowHost?: string[];
}

export const DEFAULT_PORT = 8787;

export function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: '${value}' is not a port number`);
  return n;
}

/** Serves the API and the web page until interrupted. */
export async function serveCommand(opts: ServeCommandOptions): Promise<void> {
  const token = opts.token ?? process.env.KAIDAN_TOKEN ?? null;
  const server = await startServer({
    db: dbPath(opts.db),
    host: opts.host ?? "127.0.0.1",
    port: parsePort(opts.port),
    token,
    lexiconDirs: opts.lexicon ?? [],
    corsOrigins: opts.cors ?? [],
    allowedHosts: opts.allowHost ?? [],
  });
  process.stdout.write(`kaidan is serving ${dbPath(opts.db)} at ${server.url}\n`);
  process.stderr.write(
    `API: ${server.url}api/ (OpenAPI: ${server.url}api/openapi.json); ` +
      `${token ? "write routes need the token" : "read-only (no token set)"}; Ctrl-C stops\n`,
  );
  await untilInterrupted(server.close);
}

export function untilInterrupted(close: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
