/** Queries over the event record: pure functions of a database, returning plain objects. */
export * from "./card.js";
export * from "./events.js";
export * from "./itinerary.js";
export * from "./network.js";
export * from "./relations.js";
export * from "./types.js";
