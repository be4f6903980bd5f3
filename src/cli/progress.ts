/**
 * Progress on a terminal (a bar on stderr), silence otherwise: output that
 * is piped or captured stays clean, and `--quiet` silences it too.
 */
import cliProgress from "cli-progress";

export interface Progress {
  start(total: number): void;
  tick(label: string): void;
  stop(): void;
}

export function progress(enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return { start() {}, tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "{bar} {value}/{total} files | {label}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { label: "" }),
    tick: (label) => bar.increment(1, { label: label.length > 50 ? `…${label.slice(-49)}` : label }),
    stop: () => bar.stop(),
  };
}
