#!/usr/bin/env python3
"""Times the benchmark operations in process for one peer library on one edges table and prints
one JSON line per operation (median of `repeats`; one run when the first takes over 15 s).
Threads are pinned to one (two for the `*_2t` operations of networkit).

Operations and their semantics match `actorgraph-bench analysis` (scripts/bench/run):
  load         edges table -> graph (source, target, type, weight kept)
  degree       degree centrality
  bc_dir       exact betweenness, directed (normalized);   bc_undir: undirected
  bc_sample_*  betweenness from 1,000 sampled sources
  closeness    closeness of every node (Wasserman-Faust for disconnected graphs), undirected,
               unweighted;   harmonic: harmonic centrality, undirected, unweighted
  pagerank     PageRank, alpha 0.85, tol 1e-6, directed
  sp_bfs       1,000 seeded single-pair shortest paths, directed, unweighted
  louvain      Louvain on the undirected view, unweighted (modularity printed too)
  cc_weak, cc_strong   components of the directed graph
networkx's O(V·E) operations at 10,000+ nodes are estimated from 100 sampled sources or nodes (marked
"estimated": true), as ../shared/research/perf-anchors.md did.

Usage: peers.py TOOL FILE OPS [REPEATS]     TOOL: networkx | igraph | networkit
"""
import json
import os
import random
import sys
import time

tool, path, ops = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 3
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ[var] = "1"


def emit(op, seconds, runs, **extra):
    print(json.dumps({"tool": tool, "op": op, "seconds": seconds, "runs": runs, **extra}), flush=True)


def timed(op, fn, **extra):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if times[-1] > 15:
            break
    times.sort()
    emit(op, times[len(times) // 2], len(times), **extra)
    return result


def pairs(n):
    rng = random.Random(1)
    return [(rng.randrange(n), rng.randrange(n)) for _ in range(1000)]


if tool == "networkx":
    import networkx as nx

    def load():
        g = nx.DiGraph()
        with open(path) as f:
            next(f)
            for line in f:
                s, t, ty, w = line.rstrip("\n").split(",")
                g.add_edge(s, t, type=ty, weight=float(w))
        return g

    g = timed("load", load) if "load" in ops else load()
    u = g.to_undirected()
    nodes = list(g)
    n = len(nodes)
    for op in ops:
        if op == "degree":
            timed(op, lambda: nx.degree_centrality(g))
        elif op in ("bc_dir", "bc_undir"):
            h = g if op == "bc_dir" else u
            if n > 5000:
                k = 100
                start = time.perf_counter()
                nx.betweenness_centrality(h, k=k, seed=1)
                emit(op, (time.perf_counter() - start) * n / k, 1, estimated=True)
            else:
                timed(op, lambda: nx.betweenness_centrality(h))
        elif op in ("bc_sample_dir", "bc_sample_undir"):
            h = g if op == "bc_sample_dir" else u
            k = 10
            start = time.perf_counter()
            nx.betweenness_centrality(h, k=k, seed=1)
            emit(op, (time.perf_counter() - start) * 1000 / k, 1, estimated=True)
        elif op in ("closeness", "harmonic"):
            def run(sample):
                if op == "closeness":
                    return [nx.closeness_centrality(u, x) for x in sample]
                return nx.harmonic_centrality(u, nbunch=sample)
            if n > 5000:
                sample = random.Random(1).sample(list(u), 100)
                start = time.perf_counter()
                run(sample)
                emit(op, (time.perf_counter() - start) * n / len(sample), 1, estimated=True)
            else:
                timed(op, lambda: run(list(u)))
        elif op == "pagerank":
            timed(op, lambda: nx.pagerank(g, alpha=0.85, tol=1e-6, weight=None))
        elif op == "sp_bfs":
            ps = [(nodes[a], nodes[b]) for a, b in pairs(n)]

            def run():
                for a, b in ps:
                    try:
                        nx.bidirectional_shortest_path(g, a, b)
                    except nx.NetworkXNoPath:
                        pass
            timed(op, run)
        elif op == "louvain":
            if n > 20000:
                emit(op, None, 0, skipped="networkx Louvain at 100k exceeds the time budget")
            else:
                comm = timed(op, lambda: nx.community.louvain_communities(u, seed=1))
                print(json.dumps({"tool": tool, "op": "louvain_modularity", "value": nx.community.modularity(u, comm)}), flush=True)
        elif op == "cc_weak":
            timed(op, lambda: list(nx.weakly_connected_components(g)))
        elif op == "cc_strong":
            timed(op, lambda: list(nx.strongly_connected_components(g)))

elif tool == "igraph":
    import igraph as ig
    import pandas as pd

    def load():
        df = pd.read_csv(path)
        return ig.Graph.DataFrame(df, directed=True, use_vids=False)

    g = timed("load", load) if "load" in ops else load()
    u = g.as_undirected(mode="collapse")
    n = g.vcount()
    for op in ops:
        if op == "degree":
            timed(op, lambda: g.degree())
        elif op == "bc_dir":
            timed(op, lambda: g.betweenness(directed=True))
        elif op == "bc_undir":
            timed(op, lambda: u.betweenness(directed=False))
        elif op in ("bc_sample_dir", "bc_sample_undir"):
            sources = random.Random(1).sample(range(n), 1000)
            h = g if op == "bc_sample_dir" else u
            timed(op, lambda: h.betweenness(sources=sources, directed=(op == "bc_sample_dir")))
        elif op == "closeness":
            timed(op, lambda: u.closeness())
        elif op == "harmonic":
            timed(op, lambda: u.harmonic_centrality())
        elif op == "pagerank":
            timed(op, lambda: g.pagerank(damping=0.85, directed=True))
        elif op == "sp_bfs":
            ps = pairs(n)
            timed(op, lambda: [g.get_shortest_path(a, b, mode="out") for a, b in ps])
        elif op == "louvain":
            comm = timed(op, lambda: u.community_multilevel())
            print(json.dumps({"tool": tool, "op": "louvain_modularity", "value": comm.modularity}), flush=True)
        elif op == "cc_weak":
            timed(op, lambda: g.connected_components(mode="weak"))
        elif op == "cc_strong":
            timed(op, lambda: g.connected_components(mode="strong"))

elif tool.startswith("networkit"):
    import networkit as nk
    import pandas as pd
    threads = 2 if tool.endswith("2t") else 1
    nk.setNumberOfThreads(threads)

    def load():
        df = pd.read_csv(path)
        codes, uniques = pd.factorize(pd.concat([df["source"], df["target"]]))
        m = len(df)
        s, t = codes[:m], codes[m:]
        g = nk.GraphFromCoo((df["weight"].to_numpy(dtype=float), (s, t)), n=len(uniques), directed=True, weighted=True)
        return g, df["type"].to_numpy()

    g, _ = timed("load", load) if "load" in ops else load()
    plain = nk.graphtools.toUnweighted(g)
    u = nk.graphtools.toUndirected(plain)
    n = g.numberOfNodes()
    for op in ops:
        if op == "degree":
            timed(op, lambda: nk.centrality.DegreeCentrality(plain).run().scores())
        elif op in ("bc_dir", "bc_undir"):
            h = plain if op == "bc_dir" else u
            timed(op, lambda: nk.centrality.Betweenness(h, normalized=True).run().scores())
        elif op in ("bc_sample_dir", "bc_sample_undir"):
            h = plain if op == "bc_sample_dir" else u
            timed(op, lambda: nk.centrality.EstimateBetweenness(h, 1000, normalized=True, parallel=threads > 1).run().scores())
        elif op == "closeness":
            timed(op, lambda: nk.centrality.Closeness(u, True, nk.centrality.ClosenessVariant.GENERALIZED).run().scores())
        elif op == "harmonic":
            timed(op, lambda: nk.centrality.HarmonicCloseness(u, normalized=False).run().scores())
        elif op == "pagerank":
            def pr():
                p = nk.centrality.PageRank(plain, damp=0.85, tol=1e-6)
                p.norm = nk.centrality.Norm.L1_NORM
                return p.run().scores()
            timed(op, pr)
        elif op == "sp_bfs":
            ps = pairs(n)
            timed(op, lambda: [nk.distance.BidirectionalBFS(plain, a, b).run().getDistance() for a, b in ps])
        elif op == "louvain":
            def plm():
                return nk.community.PLM(u, refine=False).run().getPartition()
            part = timed(op, plm)
            print(json.dumps({"tool": tool, "op": "louvain_modularity", "value": nk.community.Modularity().getQuality(part, u)}), flush=True)
        elif op == "cc_weak":
            timed(op, lambda: nk.components.WeaklyConnectedComponents(plain).run().getComponents())
        elif op == "cc_strong":
            timed(op, lambda: nk.components.StronglyConnectedComponents(plain).run().getComponents())
else:
    sys.exit(f"unknown tool {tool}")
