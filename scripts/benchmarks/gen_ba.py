#!/usr/bin/env python3
"""Seeded Barabási–Albert graphs as ActorGraph edges tables (CSV), for the benchmarks.

Each new actor attaches to m existing ones chosen with probability proportional to degree; each
relation is randomly oriented and gets a random type and an integer weight 1-10. Pure standard
library, so every tool in a benchmark run reads the same file.

Usage: gen_ba.py N [M=3] [SEED=N] > edges.csv
"""
import random
import sys


def main():
    n = int(sys.argv[1])
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else n
    rng = random.Random(seed)
    types = ["supports", "meets", "opposes", "hosts"]
    out = sys.stdout
    out.write("source,target,type,weight\n")
    targets = list(range(m))  # the first new actor joins m seed actors
    repeated = []
    for source in range(m, n):
        for target in set(targets):
            a, b = (source, target) if rng.random() < 0.5 else (target, source)
            out.write(f"a{a},a{b},{types[rng.randrange(4)]},{rng.randint(1, 10)}\n")
        repeated.extend(targets)
        repeated.extend([source] * m)
        chosen = set()
        while len(chosen) < m:
            chosen.add(rng.choice(repeated))
        targets = list(chosen)


if __name__ == "__main__":
    main()
