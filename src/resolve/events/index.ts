export { EventResolver, type PriorState, type ResolveSummary } from "./resolver.js";
export { rebuildEvents, type RebuildSummary } from "./rebuild.js";
export type * from "./types.js";
