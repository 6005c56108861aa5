#!/usr/bin/env python3
"""Parse a DOT file with pydot and convert it with networkx (nx_pydot.from_pydot), then print,
as JSON, what each node and edge carries once the two DOT-level encodings are undone:
the quoting (surrounding quotes, \\" for a quote) and Graphviz's escString (\\\\ for a backslash,
\\n for a line break). The Swift escaping tests compare this with the names they exported.

Usage: dot_via_networkx.py FILE.dot   (exit 3 when pydot or networkx is not installed)
"""
import json
import sys

try:
    import networkx as nx
    import pydot  # noqa: F401  (networkx imports it lazily)
except ImportError as error:  # pragma: no cover
    print(f"unavailable: {error}", file=sys.stderr)
    sys.exit(3)


def unquote(value):
    if not isinstance(value, str):
        return value
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        body, out, i = value[1:-1], [], 0
        while i < len(body):
            if body[i] == "\\" and i + 1 < len(body) and body[i + 1] == '"':
                out.append('"')
                i += 2
            elif body[i] == "\\" and i + 1 < len(body) and body[i + 1] == "\n":
                i += 2  # line continuation
            else:
                out.append(body[i])
                i += 1
        return "".join(out)
    return value


def unescape(value):
    out, i = [], 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            n = value[i + 1]
            out.append({"n": "\n", "l": "\n", "r": "\r"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def main(path):
    parsed = pydot.graph_from_dot_file(path)
    if not parsed:
        print("pydot could not parse the file", file=sys.stderr)
        sys.exit(1)
    g = nx.drawing.nx_pydot.from_pydot(parsed[0])
    nodes = {}
    for name, attrs in g.nodes(data=True):
        ident = unescape(unquote(attrs.get("id", name)))
        nodes[ident] = {k: unescape(unquote(v)) for k, v in attrs.items()}
    edges = []
    for tail, head, attrs in g.edges(data=True):
        edges.append({
            "tail": unescape(unquote(g.nodes[tail].get("id", tail))),
            "head": unescape(unquote(g.nodes[head].get("id", head))),
            "attributes": {k: unescape(unquote(v)) for k, v in attrs.items()},
        })
    json.dump({"nodes": nodes, "edges": edges}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
