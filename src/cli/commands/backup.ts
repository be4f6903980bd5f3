import { dbPath } from "../options.js";

export interface BackupCommandOptions {
  db?: string;
  force?: boolean;
  json?: boolean;
}

export interface RestoreCommandOptions {
  db?: string;
  /** commander's --no-keep */
  keep?: boolean;
  json?: boolean;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** `kaidan backup <file>`: a checked copy of the database, taken while it is in use. */
export async function backupCommand(file: string, opts: BackupCommandOptions): Promise<void> {
  const { backupDatabase } = await import("../../store/backup.js");
  const s = await backupDatabase(dbPath(opts.db), file, { force: opts.force ?? false });
  if (opts.json) process.stdout.write(`${JSON.stringify({ database: dbPath(opts.db), backup: s })}\n`);
  else
    process.stderr.write(
      `backed up ${dbPath(opts.db)} → ${s.path} (${s.documents} documents, ${s.events} events, schema ${s.schema}, ${mb(s.bytes)}; integrity checked)\n`,
    );
}

/** `kaidan restore <file>`: the database's content replaced by a backup's, in place, safe under a running server. */
export async function restoreCommand(file: string, opts: RestoreCommandOptions): Promise<void> {
  const { restoreDatabase } = await import("../../store/backup.js");
  const r = await restoreDatabase(dbPath(opts.db), file, { keep: opts.keep !== false });
  if (opts.json) process.stdout.write(`${JSON.stringify({ database: dbPath(opts.db), ...r })}\n`);
  else
    process.stderr.write(
      `restored ${file} into ${r.restored.path} (${r.restored.documents} documents, ${r.restored.events} events` +
        (r.fromSchema < r.restored.schema
          ? `; schema ${r.fromSchema} migrated to ${r.restored.schema}`
          : "") +
        ")" +
        (r.previous ? `; what it held before is in ${r.previous.path}` : "") +
        "\n",
    );
}
