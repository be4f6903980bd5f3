/**
 * GEXF 1.3, dynamic: graphology-gexf writes the graph, and the DOM of its
 * output gets what that writer does not know — the graph's dynamic mode and
 * date format, each node's first appearance, and one spell per meeting on
 * each edge — so that Gephi's timeline shows ties appearing as leaders meet.
 */
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { write as writeGexf } from "graphology-gexf";
import type { NetworkInput } from "../query/network.js";
import type { DB } from "../store/database.js";
import { actorGraph } from "./graph.js";
import type { Write } from "./source.js";

export const GEXF_NS = "http://gexf.net/1.3";

export function gexfDocument(db: DB, input: NetworkInput): { xml: string; nodes: number; edges: number } {
  const graph = actorGraph(db, input);
  const written = writeGexf(graph, { version: "1.3", pretty: true });
  const doc = new DOMParser().parseFromString(written, "text/xml");
  const graphEl = doc.getElementsByTagNameNS(GEXF_NS, "graph")[0];
  if (!graphEl) throw new Error("graphology-gexf wrote no <graph> element");
  graphEl.setAttribute("mode", "dynamic");
  graphEl.setAttribute("timeformat", "date");
  const nodes = doc.getElementsByTagNameNS(GEXF_NS, "node");
  for (let i = 0; i < nodes.length; i++) {
    const el = nodes[i]!;
    const first = graph.getNodeAttribute(el.getAttribute("id")!, "first") as string;
    if (first) el.setAttribute("start", first);
  }
  const edges = doc.getElementsByTagNameNS(GEXF_NS, "edge");
  for (let i = 0; i < edges.length; i++) {
    const el = edges[i]!;
    const dates = (graph.getEdgeAttribute(el.getAttribute("id")!, "dates") as string)
      .split(",")
      .filter(Boolean);
    if (dates.length === 0) continue;
    const spells = doc.createElementNS(GEXF_NS, "spells");
    for (const d of [...new Set(dates)]) {
      const spell = doc.createElementNS(GEXF_NS, "spell");
      spell.setAttribute("start", d);
      spell.setAttribute("end", d);
      spells.appendChild(spell);
    }
    el.appendChild(spells);
  }
  return { xml: new XMLSerializer().serializeToString(doc), nodes: graph.order, edges: graph.size };
}

export function writeGexfExport(db: DB, input: NetworkInput, write: Write): number {
  const g = gexfDocument(db, input);
  write(g.xml.endsWith("\n") ? g.xml : `${g.xml}\n`);
  return g.edges;
}
