"""Reads ActorGraph's interchange exports with the real readers and prints what they saw as JSON.

Usage: interchange_via_python.py FORMAT PATH
  gexf      networkx.read_gexf
  graphml   networkx.read_graphml and igraph.Graph.Read_GraphML (both must agree)
  nodelink  networkx.node_link_graph(..., edges="edges")
  cytoscape networkx.cytoscape_graph
  gephi|kumu|neo4j|graphframes  pandas.read_csv on every .csv in the folder PATH
Output: {"nodes": n, "edges": m, "names": {node: name}, "edges_by_key": {key: {attr: value}}} for
graphs; {"tables": {file: [rows, columns]}} for folders.
"""
import json, os, sys

fmt, path = sys.argv[1], sys.argv[2]


def summary(g, name_attr):
    edges = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        d = {a: b for a, b in d.items() if a not in ("spells", "id", "key")}
        edges[str(k)] = dict(d, source=u, target=v)
    return {"directed": g.is_directed(), "multigraph": g.is_multigraph(), "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "names": {n: d.get(name_attr) for n, d in g.nodes(data=True)}, "edges_by_key": edges}


if fmt in ("gephi", "kumu", "neo4j", "graphframes"):
    import pandas as pd
    tables = {}
    for f in sorted(os.listdir(path)):
        if f.endswith(".csv"):
            kw = {"keep_default_na": False, "dtype": str}
            tables[f] = list(pd.read_csv(os.path.join(path, f), **kw).shape)
    print(json.dumps({"tables": tables}))
    sys.exit(0)

import networkx as nx
if fmt == "gexf":
    out = summary(nx.read_gexf(path), "label")
elif fmt == "graphml":
    out = summary(nx.read_graphml(path, force_multigraph=True), "name")
    import igraph
    ig = igraph.Graph.Read_GraphML(path)
    out["igraph"] = {"nodes": ig.vcount(), "edges": ig.ecount(),
                     "edge_attributes": sorted(ig.es.attributes()),
                     "types": sorted(ig.es["type"]) if "type" in ig.es.attributes() else []}
elif fmt == "nodelink":
    with open(path) as f:
        out = summary(nx.node_link_graph(json.load(f), edges="edges"), "name")
elif fmt == "cytoscape":
    with open(path) as f:
        out = summary(nx.cytoscape_graph(json.load(f)), "name")
else:
    sys.exit("unknown format " + fmt)
print(json.dumps(out, ensure_ascii=False))
