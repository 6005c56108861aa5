#!/usr/bin/env python3
"""End-to-end benchmarks: whole commands as a user runs them (issue 9, item 5).

Every cell is a whole process, started with subprocess.Popen and reaped with os.wait4: wall time
from just before the fork to the reap (interpreter start, imports, reading the CSV, building the
graph, computing and printing included), and peak RSS from the reaped child's ru_maxrss (KiB on
Linux; reported in MiB as "MB"). Each cell runs `--repeats` times, interleaved with the other
cells of its operation (so drift in the machine's load spreads over every tool), and reports the
median. A run longer than `--long` seconds ends that cell's repeats (its runs count says so); a
run longer than `--timeout` seconds is killed and the cell reads "> T s", and the same cell is not
tried again at a larger graph.

ActorGraph: the `actorgraph` binary it is given, as docs/CLI.md documents it. Peers: one small
script per tool (e2e_peer.py), run by the benchmark venv's python, reading the same CSV.

Writes one JSON line per cell to --jsonl (first line: the run's metadata) and a Markdown table
per graph to --md, and prints the tables.

Usage: e2e.py --binary PATH --python VENV_PYTHON [--sizes 10000,100000,333334] [--repeats 5]
              [--timeout 120] [--long 30] [--jsonl FILE] [--md FILE] [--workdir DIR]
"""
import argparse
import datetime
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Peer rows: (tool, reader). The label is what the tables print.
ROWS = [
    ("networkx", "pandas"),
    ("igraph", "pandas"),
    ("igraph", "native"),
    ("networkit", "pandas"),
]
# networkit's own reader (EdgeListReader) is not a row: it reads a third column as the weight and
# stops at our `type` column ("looking for weight failed"), and it could not give the directed view
# (`meets` both ways) anyway.
READER_LABEL = {
    ("networkx", "pandas"): "networkx (pandas)",
    ("igraph", "pandas"): "igraph (pandas)",
    ("igraph", "native"): "igraph (csv+TupleList)",
    ("networkit", "pandas"): "networkit (pandas)",
}

# Operations: name, our arguments after FILE (None: not offered), peer op, peer flags, the tools
# that have no such operation, and a note.
OPS = [
    ("start-up", ["--version"], "startup", [], (),
     "process start and imports only (ours `--version`; peers import their library, and pandas "
     "for the pandas rows, then exit); run at the first graph size only"),
    ("read", ["stats", "{csv}", "--format", "json"], "load", [], (),
     "read + build only: ours `stats --format json`; peers build the graph and print its size"),
    ("degree", ["centrality", "{csv}", "--measure", "degree", "--top", "10", "--format", "csv"],
     "degree", [], (), "directed, (in+out)/(n-1)"),
    ("pagerank", ["centrality", "{csv}", "--measure", "pagerank", "--top", "10", "--format", "csv"],
     "pagerank", [], (),
     "damping 0.85; ours to the fixed point (tol 1e-15/actor); peers at their default stop "
     "(networkx tol 1e-6 per actor, networkit its default tol, igraph PRPACK: exact)"),
    ("pagerank, tight", ["centrality", "{csv}", "--measure", "pagerank", "--top", "10", "--format", "csv"],
     "pagerank", ["--tight"], ("igraph",),
     "peers at tol 1e-12 (igraph's default PRPACK is already exact: see the row above)"),
    ("betweenness k=100", ["centrality", "{csv}", "--measure", "betweenness", "--sample", "100", "--top", "10",
                           "--format", "csv"],
     "betweenness", ["--sample", "100", "--seed", "42"], ("igraph",),
     "directed, 100 seeded random sources rescaled by n/k (networkx k=100, networkit "
     "EstimateBetweenness(G, 100)); igraph has no sampled betweenness"),
    ("closeness", ["centrality", "{csv}", "--measure", "closeness", "--top", "10", "--format", "csv"],
     "closeness", [], (), "directed, incoming distances, Wasserman-Faust (networkx; networkit "
     "GENERALIZED on the reversed graph); igraph closeness(mode='in') over reachable actors"),
    ("louvain", ["communities", "{csv}"], "louvain", ["--seed", "42"], (),
     "undirected; ours `communities` (Louvain + weak/strong components + k-core in one command)"),
    ("components", ["communities", "{csv}"], "components", [], (),
     "weak and strong, directed; ours has no components-only command: the same `communities` "
     "runs as the louvain row (one measurement, shown twice)"),
    ("1000 paths", ["path", "{csv}", "--pairs", "{pairs}", "--format", "csv"], "paths",
     ["--pairs", "{pairs}"], (),
     "undirected, unweighted, one shortest path per pair (networkx shortest_path, igraph "
     "get_shortest_paths, networkit BidirectionalBFS per pair)"),
]

# Operations left out at a size (not run at all; the table says "not run").
SKIP = {
    # Exact closeness is O(n·m): about an hour or more for every tool at 333k actors.
    333334: {"closeness"},
}
# O(n·m) operations: a cell whose time at a smaller graph, scaled by (n/n_small)², predicts more
# than twice the timeout is not run and reads "> T s (predicted …)".
QUADRATIC = {"closeness"}


def now():
    return datetime.datetime.now().isoformat(timespec="seconds")


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def run_once(argv, out_path, err_path, timeout, env=None):
    """Runs argv as a whole process; returns (seconds, maxrss_kib, cpu_seconds, exit_code,
    timed_out)."""
    killed = threading.Event()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)

    def kill():
        killed.set()
        try:
            os.kill(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    return seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, proc.returncode, killed.is_set()


def make_pairs(csv_path, pairs_path, count=1000, seed=1):
    """`from,to` with `count` seeded random pairs of distinct actor ids from the edges table."""
    ids = {}
    with open(csv_path) as f:
        next(f)
        for line in f:
            s, t = line.split(",", 2)[:2]
            ids.setdefault(s, None)
            ids.setdefault(t, None)
    ids = list(ids)
    rng = random.Random(seed)
    with open(pairs_path, "w") as f:
        f.write("from,to\n")
        for _ in range(count):
            s, t = rng.sample(ids, 2)
            f.write(f"{s},{t}\n")
    return len(ids)


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def cell_text(c, _=None):
    st = c["status"]
    if st == "ok":
        runs = "" if c["runs"] >= c["repeats"] else f" ({c['runs']} run{'s' if c['runs'] > 1 else ''})"
        return f"{fmt_s(c['median_s'])} s / {c['rss_mb']:.0f} MB{runs}"
    if st == "timeout":
        if "predicted_s" in c:
            return f"> {c['timeout_s']:.0f} s (predicted ~{c['predicted_s']:.0f} s)"
        return f"> {c['timeout_s']:.0f} s"
    if st == "n/a":
        return "n/a"
    if st == "not available":
        return "not available"
    if st == "not run":
        return "not run"
    return st


def ratio(cells_for_op):
    ours = cells_for_op.get("actorgraph")
    peers = [c for k, c in cells_for_op.items() if k != "actorgraph" and c["status"] == "ok"]
    if not ours or ours["status"] != "ok":
        return "–"
    if not peers:
        slow = [c for k, c in cells_for_op.items() if k != "actorgraph" and c["status"] == "timeout"]
        return f"> {slow[0]['timeout_s'] / ours['median_s']:.1f}× (every peer timed out)" if slow else "–"
    best = min(peers, key=lambda c: c["median_s"])
    return f"{best['median_s'] / ours['median_s']:.2f}× ({best['label']})"


# igraph's default PageRank (PRPACK) solves the system exactly: its cells in the tight row are its
# default cells, and count for that row's ratio.
EXACT_ALREADY = {"pagerank, tight": ("pagerank", ("igraph/pandas", "igraph/native"))}


def markdown(graph, actors, relations, cells, labels):
    out = [f"### {graph}: {actors:,} actors, {relations:,} relations", "",
           "Median wall time of whole processes / peak RSS (MiB). Ratio = fastest peer / ours "
           "(above 1: ours is faster).", ""]
    keys = ["actorgraph"] + [f"{t}/{r}" for t, r in ROWS]
    head = ["operation", "actorgraph"] + [READER_LABEL[r] for r in ROWS] + ["fastest peer / ours"]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * len(head))
    for op in labels:
        cs = dict(cells.get(op, {}))
        if op in EXACT_ALREADY:
            src_op, borrowed = EXACT_ALREADY[op]
            for k in borrowed:
                src = cells.get(src_op, {}).get(k)
                if src and cs.get(k, {}).get("status") in (None, "n/a"):
                    cs[k] = dict(src, same_as=src_op)
        texts = []
        for k in keys:
            if k not in cs:
                texts.append("")
            elif "same_as" in cs[k]:
                texts.append(f"exact: as {cs[k]['same_as']}")
            else:
                texts.append(cell_text(cs[k], None))
        out.append("| " + " | ".join([op] + texts + [ratio(cs)]) + " |")
    out.append("")
    return "\n".join(out)


def report(jsonl_path, md_path, echo=True):
    """Tables from an e2e.jsonl: printed, and written to md_path."""
    meta, graphs = None, {}
    for line in open(jsonl_path):
        c = json.loads(line)
        if c.get("kind") == "meta":
            meta = c
            continue
        g = graphs.setdefault(c["graph"], {"actors": c["actors"], "relations": c["relations"], "cells": {},
                                            "labels": [], "notes": {}})
        if c["op"] not in g["labels"]:
            g["labels"].append(c["op"])
            g["notes"][c["op"]] = c.get("note", "")
        g["cells"].setdefault(c["op"], {})[c["cell"]] = c
    parts = [markdown(name, g["actors"], g["relations"], g["cells"], g["labels"]) for name, g in graphs.items()]
    notes = {}
    for g in graphs.values():
        notes.update(g["notes"])
    notes.update({op: note for op, _, _, _, _, note in OPS if op in notes})  # this version's wording
    text = ""
    if meta:
        text += (f"<!-- scripts/bench-e2e {meta['date']}, binary {meta['binary']} (commit {meta['commit']}); "
                 f"peers {meta.get('peers')}; {meta['uptime']} -->\n\n")
    text += "\n".join(parts) + "\nOperations:\n\n" + "\n".join(f"- **{op}**: {n}" for op, n in notes.items()) + "\n"
    if echo:
        print(text)
    if md_path:
        with open(md_path, "w") as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary")
    ap.add_argument("--python")
    ap.add_argument("--report", metavar="JSONL", help="only print (and write --md) the tables of a past run")
    ap.add_argument("--sizes", default="10000,100000,333334")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--long", type=float, default=30)
    ap.add_argument("--omp-default", action="store_true",
                    help="leave OpenMP's wait policy at its default (active spinning) for the peers")
    ap.add_argument("--ops", help="comma-separated operation names (default: all)")
    ap.add_argument("--jsonl", default=os.path.join(ROOT, ".build/bench/e2e.jsonl"))
    ap.add_argument("--md", default=os.path.join(ROOT, ".build/bench/e2e.md"))
    ap.add_argument("--workdir", default=os.path.join(ROOT, ".build/bench"))
    args = ap.parse_args()
    if args.report:
        report(args.report, args.md)
        return
    if not args.binary or not args.python:
        ap.error("--binary and --python are required")

    binary = os.path.abspath(args.binary)
    # networkit runs OpenMP on every core. Its default wait policy spins at barriers, and on a
    # loaded machine (other builds on the same 2 cores) a spinning thread waits for a descheduled
    # one: PageRank at 3k actors took 1.2-4.9 s instead of 0.7 s. PASSIVE (a user's environment
    # variable, not a code change) makes the peers' times measure the libraries, not the load.
    peer_env = dict(os.environ)
    if not args.omp_default:
        peer_env["OMP_WAIT_POLICY"] = "PASSIVE"
    peer = os.path.join(HERE, "e2e_peer.py")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    wanted = set(args.ops.split(",")) if args.ops else None
    os.makedirs(args.workdir, exist_ok=True)

    path_help = subprocess.run([binary, "path", "--help"], capture_output=True, text=True)
    has_pairs = "--pairs" in (path_help.stdout + path_help.stderr)
    versions = subprocess.run(
        [args.python, "-c", "import networkx, igraph, networkit, pandas, sys; print(sys.version.split()[0], "
         "networkx.__version__, igraph.__version__, networkit.__version__, pandas.__version__)"],
        capture_output=True, text=True).stdout.split()
    try:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = ""
    meta = {"kind": "meta", "date": now(), "binary": binary, "commit": commit,
            "binary_mtime": datetime.datetime.fromtimestamp(os.path.getmtime(binary)).isoformat(timespec="seconds"),
            "path_pairs_supported": has_pairs, "python": versions[:1], "peers": dict(zip(
                ["networkx", "igraph", "networkit", "pandas"], versions[1:])),
            "peer_env": {} if args.omp_default else {"OMP_WAIT_POLICY": "PASSIVE"},
            "repeats": args.repeats, "timeout_s": args.timeout, "long_s": args.long,
            "machine": platform.machine(), "cpus": os.cpu_count(), "uptime": uptime()}
    jsonl = open(args.jsonl, "w")
    jsonl.write(json.dumps(meta) + "\n")
    jsonl.flush()
    print(f"# e2e {meta['date']}  binary {binary} (commit {commit})  `path --pairs`: "
          f"{'yes' if has_pairs else 'not available'}\n# {meta['uptime']}", file=sys.stderr)

    # Warm-up, untimed: the interpreter and libraries (bytecode, page cache) and our binary.
    subprocess.run([args.python, "-c", "import networkx, igraph, networkit, pandas"], check=False)
    subprocess.run([binary, "--help"], capture_output=True, check=False)

    timed_out_before = set()  # (cell key, op) that timed out at a smaller graph
    measured = {}  # (cell key, op) -> (actors, median seconds) at the last graph it ran on
    for n in sizes:
        graph = f"ba_{n}"
        csv_path = os.path.join(args.workdir, f"{graph}.csv")
        if not os.path.exists(csv_path):
            print(f"generating {csv_path}…", file=sys.stderr)
            with open(csv_path, "w") as f:
                subprocess.run([sys.executable, os.path.join(HERE, "gen_ba.py"), str(n)], stdout=f, check=True)
        pairs_path = os.path.join(args.workdir, f"{graph}_pairs.csv")
        actors = make_pairs(csv_path, pairs_path)
        with open(csv_path, "rb") as f:  # page cache, untimed
            relations = sum(1 for _ in f) - 1
        outdir = os.path.join(args.workdir, "e2e-out", graph)
        os.makedirs(outdir, exist_ok=True)
        print(f"\n## {graph}: {actors} actors, {relations} relations  ({uptime()})", file=sys.stderr)

        cells = {}
        labels = []
        notes = {}
        def predict(key, op):
            if op not in QUADRATIC or (key, op) not in measured:
                return 0
            n0, t0 = measured[(key, op)]
            return t0 * (actors / n0) ** 2

        ours_cache = {}  # our argv (tuple) -> cell: one command serves several operations
        for (op, ours_args, peer_op, peer_flags, absent, note) in OPS:
            if wanted and op not in wanted:
                continue
            if op == "start-up" and n != sizes[0]:
                continue
            labels.append(op)
            notes[op] = note
            subst = lambda s: s.format(csv=csv_path, pairs=pairs_path)
            cs = cells.setdefault(op, {})
            todo = []  # (key, label, argv)

            def base(key, label, status, **extra):
                c = {"graph": graph, "actors": actors, "relations": relations, "op": op, "cell": key,
                     "label": label, "status": status, "repeats": args.repeats, "runs": 0, "times_s": [],
                     "rss_kib": [], "cpu_s": [], "timeout_s": args.timeout, **extra}
                cs[key] = c
                return c

            # ours
            argv = [binary] + [subst(x) for x in ours_args]
            if op in SKIP.get(n, ()):
                base("actorgraph", "actorgraph", "not run", argv=argv)
            elif op == "1000 paths" and not has_pairs:
                base("actorgraph", "actorgraph", "not available", argv=argv,
                     why="this binary's `path` has no --pairs option")
            elif tuple(argv) in ours_cache:
                cs["actorgraph"] = dict(ours_cache[tuple(argv)], op=op, shared_with=ours_cache[tuple(argv)]["op"])
            elif ("actorgraph", op) in timed_out_before:
                base("actorgraph", "actorgraph", "timeout", argv=argv, why="timed out at a smaller graph")
            elif predict("actorgraph", op) > 2 * args.timeout:
                base("actorgraph", "actorgraph", "timeout", argv=argv, predicted_s=predict("actorgraph", op),
                     why="not run: predicted from the smaller graph, O(n·m)")
            else:
                todo.append(("actorgraph", "actorgraph", argv))
            # peers
            for tool, reader in ROWS:
                key = f"{tool}/{reader}"
                label = READER_LABEL[(tool, reader)]
                pargv = [args.python, peer, tool, reader, peer_op, csv_path] + [subst(x) for x in peer_flags]
                if tool in absent or key in absent:
                    base(key, label, "n/a", argv=pargv)
                elif op in SKIP.get(n, ()):
                    base(key, label, "not run", argv=pargv)
                elif (key, op) in timed_out_before:
                    base(key, label, "timeout", argv=pargv, why="timed out at a smaller graph")
                elif predict(key, op) > 2 * args.timeout:
                    base(key, label, "timeout", argv=pargv, predicted_s=predict(key, op),
                         why="not run: predicted from the smaller graph, O(n·m)")
                else:
                    todo.append((key, label, pargv))

            for key, label, argv in todo:
                base(key, label, "ok", argv=argv, load_avg=[])
            active = [k for k, _, _ in todo]
            argv_of = {k: v for k, _, v in todo}
            for rep in range(args.repeats):
                for key in list(active):
                    c = cs[key]
                    stem = os.path.join(outdir, f"{op.replace(' ', '_').replace(',', '')}.{key.replace('/', '.')}")
                    c["load_avg"].append(os.getloadavg()[0])
                    secs, rss, cpu, code, killed = run_once(argv_of[key], stem + ".out", stem + ".err", args.timeout,
                                                       None if key == "actorgraph" else peer_env)
                    tag = f"{graph} {op:18} {c['label']:27} run {rep + 1}: "
                    if killed:
                        c["status"] = "timeout"
                        timed_out_before.add((key, op))
                        active.remove(key)
                        print(tag + f"> {args.timeout:.0f} s (killed)", file=sys.stderr)
                        continue
                    if code != 0:
                        with open(stem + ".err", errors="replace") as f:
                            err = f.read()[-2000:]
                        c["status"] = "error"
                        c["exit_code"] = code
                        c["stderr_tail"] = err
                        active.remove(key)
                        print(tag + f"exit {code}: {err.strip().splitlines()[-1:] or ''}", file=sys.stderr)
                        continue
                    c["times_s"].append(secs)
                    c["rss_kib"].append(rss)
                    c["cpu_s"].append(cpu)
                    c["runs"] += 1
                    print(tag + f"{secs:.3f} s, {rss / 1024:.0f} MB, cpu {cpu:.3f} s", file=sys.stderr)
                    if secs > args.long:
                        active.remove(key)
                if not active:
                    break
            for key, _, _ in todo:
                c = cs[key]
                if c["status"] == "ok":
                    c["median_s"] = statistics.median(c["times_s"])
                    c["rss_mb"] = statistics.median(c["rss_kib"]) / 1024
                    measured[(key, op)] = (actors, c["median_s"])
                    with open(os.path.join(outdir, f"{op.replace(' ', '_').replace(',', '')}.{key.replace('/', '.')}.out"),
                              errors="replace") as f:
                        c["head"] = [next(f, "").rstrip("\n") for _ in range(3)]
                if key == "actorgraph":
                    ours_cache[tuple(c["argv"])] = c
            for key, c in cs.items():
                jsonl.write(json.dumps(dict(c, note=note, uptime=uptime())) + "\n")
            jsonl.flush()
        print(markdown(graph, actors, relations, cells, labels), flush=True)
    jsonl.close()
    report(args.jsonl, args.md, echo=False)


if __name__ == "__main__":
    main()
