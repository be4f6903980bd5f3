/**
 * Keeps the JavaScript heaps of an ingestion close to what they hold.
 *
 * Analysis allocates fast (about half a gigabyte of short-lived objects per
 * million characters) and a document's objects outlive a minor collection or
 * two, so they reach the old generation and die there. V8 then lets each heap
 * — this thread's and every analysis worker's — grow to several times its live
 * size before the next full collection, and the longer the run, the further:
 * peak memory rose with the corpus (npm run bench: 1.27× from 1 M to 10 M
 * characters with two workers), though the live heaps stayed flat (measured
 * after forced collections: 93 MB per worker throughout). A growing factor of
 * 1.2 holds each heap near its live size at no measured cost in throughput
 * (1.12–1.14× over four runs of the bench).
 *
 * The flag is V8's, for the whole process, and read at every full collection,
 * so it also governs workers started before it is set.
 */
import { setFlagsFromString } from "node:v8";

/**
 * The young generation's semi-space, in megabytes (V8's default is 16). At 16 the ~1 GB a million
 * characters of diplomacy allocates took 367 minor collections and 2.0 s of pauses over four rounds of the
 * bench's corpus; at 32, 195 and 1.3 s (news: 1.0 → 0.9 s); 64 and 128 collected less often and paused no
 * less. A document's objects also die young more often instead of being promoted. V8 reads it only when a
 * heap is made: the `kaidan` command passes it on its first line (`--max-semi-space-size`), npm run bench
 * to its process, and analysis workers get it as a resource limit ({@link youngGenerationMb}).
 */
export const SEMI_SPACE_MB = 32;

/** A worker's young generation for {@link SEMI_SPACE_MB}: V8 sizes it at three semi-spaces. */
export const youngGenerationMb = () => 3 * SEMI_SPACE_MB;

/** How far a heap may grow past its live size after a full collection, in percent. */
export const HEAP_GROWING_PERCENT = 20;

let tuned = false;

export function keepHeapsTight(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
