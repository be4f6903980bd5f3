/**
 * `node --import ./bench/compiled.mjs`: the bench measures kaidan as it is
 * run — the compiled build in dist/ (`npm run bench` builds it first) — not
 * the TypeScript sources through tsx. tsx keeps every function's name with a
 * helper called each time a function is made, closures included: a fifth to
 * a quarter of the analysis's CPU time on the diplomacy corpus
 * (alternating rounds). The bench's own code still runs through tsx, and its
 * imports of src/ load the file compiled from it.
 */
import { register } from "node:module";

process.env.KAIDAN_BENCH_BUILD = "dist";
register(new URL("./compiled-hooks.mjs", import.meta.url));
