/**
 * GraphML for Gephi, yEd and NetworkX. graphology-graphml only reads
 * GraphML, so the document is built with a DOM (@xmldom/xmldom) from the
 * same graphology graph as the GEXF export, with typed keys declared for
 * every node and edge attribute.
 */
import { DOMImplementation, XMLSerializer } from "@xmldom/xmldom";
import type { NetworkInput } from "../query/network.js";
import type { DB } from "../store/database.js";
import { actorGraph } from "./graph.js";
import type { Write } from "./source.js";

export const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

const NODE_KEYS = {
  label: "string",
  label_ja: "string",
  kind: "string",
  country: "string",
  events: "int",
  first: "string",
  last: "string",
};
const EDGE_KEYS = { weight: "double", first: "string", last: "string", dates: "string", events: "string" };

export function graphmlDocument(db: DB, input: NetworkInput): { xml: string; nodes: number; edges: number } {
  const graph = actorGraph(db, input);
  const doc = new DOMImplementation().createDocument(GRAPHML_NS, "graphml", null);
  const root = doc.documentElement!;
  const el = (name: string, attrs: Record<string, string>, text?: string) => {
    const e = doc.createElementNS(GRAPHML_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.appendChild(doc.createTextNode(text));
    return e;
  };
  // one element per line keeps the file readable and diffable
  const nl = (parent: { appendChild(n: unknown): unknown }, depth: number) =>
    parent.appendChild(doc.createTextNode(`\n${"  ".repeat(depth)}`));
  for (const [target, keys] of [
    ["node", NODE_KEYS],
    ["edge", EDGE_KEYS],
  ] as const) {
    for (const [name, type] of Object.entries(keys)) {
      nl(root, 1);
      root.appendChild(
        el("key", { id: `${target[0]}_${name}`, for: target, "attr.name": name, "attr.type": type }),
      );
    }
  }
  nl(root, 1);
  const g = el("graph", { id: "kaidan", edgedefault: "undirected" });
  root.appendChild(g);
  graph.forEachNode((id, attrs) => {
    nl(g, 2);
    const n = el("node", { id });
    for (const name of Object.keys(NODE_KEYS))
      n.appendChild(el("data", { key: `n_${name}` }, String(attrs[name as keyof typeof attrs])));
    g.appendChild(n);
  });
  graph.forEachEdge((id, attrs, source, target) => {
    nl(g, 2);
    const e = el("edge", { id, source, target });
    for (const name of Object.keys(EDGE_KEYS))
      e.appendChild(el("data", { key: `e_${name}` }, String(attrs[name as keyof typeof attrs])));
    g.appendChild(e);
  });
  nl(g, 1);
  nl(root, 0);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
  return { xml, nodes: graph.order, edges: graph.size };
}

export function writeGraphmlExport(db: DB, input: NetworkInput, write: Write): number {
  const g = graphmlDocument(db, input);
  write(g.xml);
  return g.edges;
}
