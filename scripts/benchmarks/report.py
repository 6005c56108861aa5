#!/usr/bin/env python3
"""Turns scripts/bench's results.jsonl into tables: seconds per tool, and the ratio of the best
single-thread peer's time to ActorGraph's (> 1: ActorGraph is faster). `~` marks networkx values
estimated from sampled sources. `_2t` rows are two-thread runs (ActorGraph, networkit)."""
import json
import sys
from collections import defaultdict

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print("\n## Rendering (median seconds)\n")
print("| graph | actors / relations | in process | Graphviz program | program / in process |")
print("|---|---|---|---|---|")
for r in rows:
    if r["graph"].startswith("render"):
        print(f"| {r['graph'][7:]} ({r['engine']}) | {r['actors']} / {r['relations']} | {r['in_process_s']:.4f} | {r['cli_s']:.4f} | {r['cli_over_in_process']:.2f}× |")

times = defaultdict(dict)
extra = defaultdict(dict)
for r in rows:
    if r["graph"].startswith("render"):
        continue
    if r["op"] == "louvain_modularity":
        extra[r["graph"]][r["tool"]] = r["value"]
        continue
    times[(r["graph"], r["op"])][r["tool"]] = r
tools = ["actorgraph", "igraph", "networkit", "networkx"]
graphs = sorted({g for g, _ in times}, key=lambda g: int(g.split("_")[1]))
for g in graphs:
    print(f"\n## {g} (median seconds; ratio = best single-thread peer / ActorGraph)\n")
    print("| op | ActorGraph | igraph | networkit | networkx | best peer | ratio |")
    print("|---|---|---|---|---|---|---|")
    ops = [op for (gg, op) in times if gg == g]
    for op in ops:
        cell = times[(g, op)]
        def fmt(tool):
            r = cell.get(tool)
            if not r or r.get("seconds") is None:
                return "–"
            return ("~" if r.get("estimated") else "") + (f"{r['seconds']:.4f}" if r["seconds"] < 10 else f"{r['seconds']:.1f}")
        peers = {t: cell[t]["seconds"] for t in ("igraph", "networkit", "networkx", "networkit-2t")
                 if t in cell and cell[t].get("seconds") is not None and not cell[t].get("estimated")}
        single = {t: v for t, v in peers.items() if not t.endswith("2t")}
        if op.endswith("_2t"):
            base = op[:-3]
            peer = times.get((g, base), {}).get("networkit-2t") or cell.get("networkit-2t")
            best = ("networkit-2t", peer["seconds"]) if peer else None
            one = times.get((g, base), {}).get("actorgraph")
            note = f" (vs 1 thread: {one['seconds'] / cell['actorgraph']['seconds']:.2f}×)" if one and "actorgraph" in cell else ""
        else:
            best = min(single.items(), key=lambda kv: kv[1]) if single else None
            note = ""
        ours = cell.get("actorgraph", {}).get("seconds")
        ratio = f"{best[1] / ours:.2f}×{note}" if best and ours else "–"
        print(f"| {op} | {fmt('actorgraph')} | {fmt('igraph')} | {fmt('networkit')} | {fmt('networkx')} | {best[0] + ' ' + format(best[1], '.4f') if best else '–'} | {ratio} |")
    if extra[g]:
        print("\nLouvain modularity: " + ", ".join(f"{t} {q:.4f}" for t, q in sorted(extra[g].items())))
