#!/usr/bin/env python3
"""One whole-process peer run for the end-to-end benchmarks (scripts/bench-e2e): the small script
a user would write to answer one question about an edges table with networkx, igraph or
networkit. It reads the CSV, builds the graph, computes, and prints the top 10 (or the answers).
The harness (e2e.py) times the whole process, interpreter start and imports included.

Usage: e2e_peer.py TOOL READER OP FILE [--tight] [--pairs PAIRS.csv] [--sample K] [--seed S]
  TOOL    networkx | igraph | networkit
  READER  pandas  pandas.read_csv, then the library's DataFrame/array constructor
          native  the library's own reading path where it can read this table: igraph has no
                  CSV reader, so the csv module + Graph.TupleList (igraph's documented way to
                  read a CSV edge list); networkit's EdgeListReader fails on the type column
                  (it reads column 3 as a weight); networkx: pandas only
  OP      startup (imports only) | load | degree | pagerank | betweenness | closeness | louvain | components | paths
  --tight PageRank to a tight tolerance (networkx tol=1e-12, networkit tol=1e-12; igraph's
          default PRPACK solves the system exactly, so it has no tight variant)

Parameters match `actorgraph` (docs/CLI.md): the directed view (source -> target, `meets` both
ways) for read, degree, PageRank, betweenness, closeness and components; the undirected view for Louvain and paths
(`actorgraph path` follows relations either way unless --directed). No thread pinning: each
library runs with its defaults, as a user runs it (networkit's OpenMP uses every core).
"""
import argparse
import heapq
import sys

p = argparse.ArgumentParser()
p.add_argument("tool", choices=["networkx", "igraph", "networkit"])
p.add_argument("reader", choices=["pandas", "native"])
p.add_argument("op", choices=["startup", "load", "degree", "pagerank", "betweenness", "closeness", "louvain",
                              "components", "paths"])
p.add_argument("file")
p.add_argument("--tight", action="store_true")
p.add_argument("--pairs")
p.add_argument("--sample", type=int, default=100)
p.add_argument("--seed", type=int, default=42)
a = p.parse_args()

UNDIRECTED_OPS = ("louvain", "paths")
directed = a.op not in UNDIRECTED_OPS
# closeness: actorgraph (like networkx) uses incoming distances on a directed graph; networkit's
# Closeness uses outgoing ones, so it gets the reversed graph.
reverse = a.op == "closeness" and a.tool == "networkit"


def top10(names, scores):
    """Prints the 10 highest scores (index order on ties), as `rank,id,score`."""
    best = heapq.nlargest(10, range(len(scores)), key=lambda i: (scores[i], -i))
    for rank, i in enumerate(best, 1):
        print(f"{rank},{names[i]},{scores[i]!r}")


def read_pairs():
    with open(a.pairs) as f:
        header = next(f).strip()
        assert header == "from,to", header
        return [tuple(line.strip().split(",")) for line in f if line.strip()]


def directed_frame(pd, df):
    """The directed view's edges: source -> target, and `meets` both ways (as actorgraph's
    default view)."""
    edges = df[["source", "target"]]
    if not directed:
        return edges
    meets = df.loc[df["type"] == "meets", ["target", "source"]]
    meets.columns = ["source", "target"]
    return pd.concat([edges, meets], ignore_index=True)


def sizes(components):
    s = sorted((len(c) for c in components), reverse=True)
    return f"{len(s)} components, largest {s[:10]}"


# --------------------------------------------------------------------------------------------
if a.tool == "networkx":
    import networkx as nx
    if a.reader != "pandas":
        sys.exit("networkx: only the pandas reader")
    import pandas as pd
    if a.op == "startup":
        sys.exit(0)
    df = pd.read_csv(a.file)
    G = nx.from_pandas_edgelist(directed_frame(pd, df), "source", "target",
                                create_using=nx.DiGraph if directed else nx.Graph)
    names = list(G)
    if a.op == "load":
        print(G.number_of_nodes(), G.number_of_edges())
    elif a.op == "degree":
        c = nx.degree_centrality(G)
        top10(names, [c[v] for v in names])
    elif a.op == "pagerank":
        c = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000) if a.tight else nx.pagerank(G, alpha=0.85)
        top10(names, [c[v] for v in names])
    elif a.op == "betweenness":
        c = nx.betweenness_centrality(G, k=a.sample, seed=a.seed)
        top10(names, [c[v] for v in names])
    elif a.op == "closeness":
        c = nx.closeness_centrality(G)
        top10(names, [c[v] for v in names])
    elif a.op == "louvain":
        comm = nx.community.louvain_communities(G, seed=a.seed)
        print("modularity", nx.community.modularity(G, comm))
        print(sizes(comm))
    elif a.op == "components":
        print("weak", sizes(nx.weakly_connected_components(G)))
        print("strong", sizes(nx.strongly_connected_components(G)))
    elif a.op == "paths":
        print("from,to,hops,path")
        for s, t in read_pairs():
            try:
                path = nx.shortest_path(G, s, t)
                print(f"{s},{t},{len(path) - 1},{' '.join(path)}")
            except nx.NetworkXNoPath:
                print(f"{s},{t},,")

# --------------------------------------------------------------------------------------------
elif a.tool == "igraph":
    import igraph as ig
    if a.reader == "pandas":
        import pandas as pd
        if a.op == "startup":
            sys.exit(0)
        df = pd.read_csv(a.file)
        G = ig.Graph.DataFrame(directed_frame(pd, df), directed=directed, use_vids=False)
    else:
        import csv
        if a.op == "startup":
            sys.exit(0)
        with open(a.file, newline="") as f:
            rows = csv.reader(f)
            next(rows)
            def edges():
                for r in rows:
                    yield r[0], r[1]
                    if directed and r[2] == "meets":
                        yield r[1], r[0]
            G = ig.Graph.TupleList(edges(), directed=directed)
    names = G.vs["name"]
    n = G.vcount()
    if a.op == "load":
        print(n, G.ecount())
    elif a.op == "degree":
        d = G.degree(mode="all")
        top10(names, [x / (n - 1) for x in d])
    elif a.op == "pagerank":
        top10(names, G.pagerank(damping=0.85, directed=True))  # PRPACK: exact
    elif a.op == "betweenness":
        sys.exit("igraph has no sampled betweenness")
    elif a.op == "closeness":
        top10(names, G.closeness(mode="in", normalized=True))
    elif a.op == "louvain":
        comm = G.community_multilevel()
        print("modularity", comm.modularity)
        print(sizes(comm))
    elif a.op == "components":
        print("weak", sizes(G.connected_components(mode="weak")))
        print("strong", sizes(G.connected_components(mode="strong")))
    elif a.op == "paths":
        index = {name: i for i, name in enumerate(names)}
        print("from,to,hops,path")
        for s, t in read_pairs():
            path = G.get_shortest_paths(index[s], to=index[t], mode="all")[0]
            if path:
                print(f"{s},{t},{len(path) - 1},{' '.join(names[i] for i in path)}")
            else:
                print(f"{s},{t},,")

# --------------------------------------------------------------------------------------------
elif a.tool == "networkit":
    import networkit as nk
    if a.reader == "pandas":
        import pandas as pd
        if a.op == "startup":
            sys.exit(0)
        df = directed_frame(pd, pd.read_csv(a.file))
        src, dst = ("target", "source") if reverse else ("source", "target")
        codes, uniques = pd.factorize(pd.concat([df[src], df[dst]], ignore_index=True))
        m = len(df)
        G = nk.GraphFromCoo((codes[:m], codes[m:]), n=len(uniques), directed=directed)
        names = list(uniques)
    else:
        # networkit.graphio.EdgeListReader reads a third column as the edge weight and fails on
        # the `type` column ("Error in parsing file - looking for weight failed"); it also keeps
        # no types, so it could not give the directed view (`meets` both ways).
        sys.exit("networkit: EdgeListReader cannot read a source,target,type,weight table")
    n = G.numberOfNodes()
    if a.op == "load":
        print(n, G.numberOfEdges())
    elif a.op == "degree":
        out = nk.centrality.DegreeCentrality(G, normalized=False, outDeg=True).run().scores()
        inn = nk.centrality.DegreeCentrality(G, normalized=False, outDeg=False).run().scores()
        top10(names, [(x + y) / (n - 1) for x, y in zip(out, inn)])
    elif a.op == "pagerank":
        # As networkx and actorgraph: a sink's score is spread over every actor.
        sinks = nk.centrality.SinkHandling.DistributeSinks
        pr = (nk.centrality.PageRank(G, 0.85, 1e-12, distributeSinks=sinks) if a.tight
              else nk.centrality.PageRank(G, 0.85, distributeSinks=sinks))
        if a.tight:
            pr.maxIterations = 10000
        top10(names, pr.run().scores())
    elif a.op == "betweenness":
        top10(names, nk.centrality.EstimateBetweenness(G, a.sample, True).run().scores())
    elif a.op == "closeness":
        c = nk.centrality.Closeness(G, True, nk.centrality.ClosenessVariant.GENERALIZED)
        top10(names, c.run().scores())
    elif a.op == "louvain":
        part = nk.community.PLM(G).run().getPartition()
        print("modularity", nk.community.Modularity().getQuality(part, G))
        print(sizes([range(k) for k in part.subsetSizes()]))
    elif a.op == "components":
        print("weak", sizes(nk.components.WeaklyConnectedComponents(G).run().getComponents()))
        print("strong", sizes(nk.components.StronglyConnectedComponents(G).run().getComponents()))
    elif a.op == "paths":
        index = {name: i for i, name in enumerate(names)}
        print("from,to,hops,path")
        for s, t in read_pairs():
            bfs = nk.distance.BidirectionalBFS(G, index[s], index[t], storePred=True).run()
            if bfs.getDistance() < 1e300:  # unreachable: the largest double
                full = [index[s], *bfs.getPath(), index[t]]  # getPath() leaves the endpoints out
                print(f"{s},{t},{len(full) - 1},{' '.join(names[i] for i in full)}")
            else:
                print(f"{s},{t},,")
