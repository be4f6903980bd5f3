/** The actor network as a graphology graph, shared by the GEXF and GraphML writers. */
import { UndirectedGraph } from "graphology";
import { type NetworkInput, network } from "../query/network.js";
import type { DB } from "../store/database.js";

export interface NodeAttributes {
  [key: string]: unknown;
  label: string;
  label_ja: string;
  kind: string;
  country: string;
  events: number;
  first: string;
  last: string;
}

export interface EdgeAttributes {
  [key: string]: unknown;
  weight: number;
  first: string;
  last: string;
  /** The dates of the meetings, comma-separated. */
  dates: string;
  events: string;
}

export function actorGraph(db: DB, input: NetworkInput): UndirectedGraph<NodeAttributes, EdgeAttributes> {
  const net = network(db, input);
  const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const n of net.nodes)
    graph.addNode(n.id, {
      label: n.en,
      label_ja: n.ja,
      kind: n.kind,
      country: n.country ?? "",
      events: n.events,
      first: n.first ?? "",
      last: n.last ?? "",
    });
  for (const e of net.edges)
    graph.addUndirectedEdgeWithKey(`${e.source}--${e.target}`, e.source, e.target, {
      weight: e.weight,
      first: e.first ?? "",
      last: e.last ?? "",
      dates: e.meetings.map((m) => m.date ?? "").join(","),
      events: e.meetings.map((m) => m.event).join(","),
    });
  return graph;
}
