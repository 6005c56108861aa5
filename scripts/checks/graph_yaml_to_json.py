#!/usr/bin/env python3
"""Writes YAML graph files as JSON with the same node tree, for the fast JSON reader's tests.

For each YAML path given, prints one JSON line: {"path", "pretty", "compact", "ascii"} with the
file as indented JSON and as compact JSON (one line) keeping non-ASCII characters, and as compact
JSON with every non-ASCII character escaped (json.dumps' ensure_ascii, so characters beyond U+FFFF
become surrogate pairs); or
{"path", "error"} when PyYAML cannot compose it or the JSON would be larger than 1 MB.

Scalars keep what YAML gave them: a plain scalar that is a JSON number is written as that number
(its text unchanged), a plain null (`null`, `~`, nothing) as null, plain true/false as literals,
everything else as a JSON string. Aliases are written out in full.

Usage: graph_yaml_to_json.py FILE.yaml...
"""
import json
import re
import sys

import yaml

NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")
LIMIT = 1 << 20


class TooLarge(Exception):
    pass


def emit(node, out, ascii, indent, depth, budget):
    budget[0] -= 1
    if budget[0] < 0:
        raise TooLarge()
    pad = "\n" + " " * (indent * (depth + 1)) if indent else ""
    end = "\n" + " " * (indent * depth) if indent else ""
    if isinstance(node, yaml.ScalarNode):
        v = node.value
        if node.style is None and NUMBER.match(v):
            out.append(v)
        elif node.style is None and v in ("", "~", "null", "Null", "NULL"):
            out.append("null")
        elif node.style is None and v in ("true", "false"):
            out.append(v)
        else:
            out.append(json.dumps(v, ensure_ascii=ascii))
    elif isinstance(node, yaml.SequenceNode):
        if not node.value:
            out.append("[]")
            return
        out.append("[")
        for i, item in enumerate(node.value):
            out.append(("," if i else "") + pad)
            emit(item, out, ascii, indent, depth + 1, budget)
        out.append(end + "]")
    else:
        if not node.value:
            out.append("{}")
            return
        out.append("{")
        for i, (key, value) in enumerate(node.value):
            out.append(("," if i else "") + pad)
            out.append(json.dumps(key.value if isinstance(key, yaml.ScalarNode) else str(key), ensure_ascii=ascii))
            out.append(": " if indent else ":")
            emit(value, out, ascii, indent, depth + 1, budget)
        out.append(end + "}")


def convert(node, ascii, indent):
    out = []
    emit(node, out, ascii, indent, 0, [LIMIT // 4])
    text = "".join(out) + "\n"
    if len(text) > LIMIT:
        raise TooLarge()
    return text


def main():
    for path in sys.argv[1:]:
        try:
            with open(path, encoding="utf-8") as f:
                node = yaml.compose(f, Loader=yaml.SafeLoader)
            if node is None:
                raise ValueError("empty")
            line = {"path": path, "pretty": convert(node, False, 2), "compact": convert(node, False, 0),
                    "ascii": convert(node, True, 0)}
        except (yaml.YAMLError, ValueError, UnicodeDecodeError, TooLarge, RecursionError) as e:
            line = {"path": path, "error": type(e).__name__}
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
