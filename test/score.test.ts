import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatScore, type GoldFile, type Prediction, score } from "../src/eval/score.js";

const gold: GoldFile = {
  doc: "d1",
  events: [
    {
      type: "CONSULT",
      mode: "meet",
      actors: [
        ["Joe Biden", "バイデン"],
        ["Xi Jinping", "習近平"],
      ],
      date: "2023-11-15",
      place: ["San Francisco", "サンフランシスコ"],
      status: "occurred",
    },
  ],
};

const predicted = (place: string | null, mode = "meet"): Prediction => ({
  kind: "event",
  doc: "d1",
  type: "CONSULT",
  mode,
  status: "occurred",
  date: { start: "2023-11-15", end: "2023-11-15" },
  actors: [{ names: ["Joe Biden"] }, { names: ["Xi Jinping"] }],
  place: place ? { names: [place] } : null,
});

describe("kaidan eval", () => {
  it("lists the matched events whose place or mode differ from the gold event's, with both values", () => {
    const s = score([gold], [predicted(null, "third-party")]);
    assert.equal(s.events.tp, 1);
    assert.equal(s.attributes.place, 0);
    assert.deepEqual(s.attributeMisses, [
      "d1 event CONSULT/third-party 2023-11-15 Joe Biden + Xi Jinping [occurred]: " +
        "place San Francisco/サンフランシスコ ≠ none, mode meet ≠ third-party",
    ]);
    assert.match(formatScore(s, true), /matched events with other attributes[^\n]*\n {2}d1 event CONSULT/);
    // a matching place is no miss
    assert.deepEqual(score([gold], [predicted("サンフランシスコ")]).attributeMisses, []);
  });
});
