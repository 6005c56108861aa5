#!/usr/bin/env python3
"""Classify valgrind's definite leaks: ours (allocated by our code, or by the Swift runtime or
Foundation on its behalf) or Graphviz's (allocated inside Graphviz or a library it loads).
Prints a table; exits 1 when any definite leak is ours."""
import re
import sys

ALLOCATORS = re.compile(r"\b(malloc|calloc|realloc|strdup|strndup|memalign|posix_memalign|aligned_alloc|operator new|g_malloc\w*|g_realloc|g_strdup\w*|zmalloc|gcalloc|grealloc|gmalloc|agalloc|agstrdup\w*|agxbuf\w*|xml_string0?|dtopen|vmalloc|_dtopen)\b")
THEIRS = re.compile(r"lib(gvc|cgraph|cdt|pathplan|xdot|gvplugin_\w+|pango\w*|cairo|fontconfig|freetype|glib|gobject|harfbuzz|pixman|png\d*|expat|gd|ltdl|rsvg|gts|ann)[-.\d]*\.so|ld-linux")


def main(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    summary = re.search(r"definitely lost: ([\d,]+) bytes in ([\d,]+) blocks", text)
    records = re.split(r"\n==\d+== \n", text)
    ours, theirs = [], {}
    for record in records:
        head = re.search(r"([\d,]+)(?: \(([\d,]+) direct, [\d,]+ indirect\))? bytes in ([\d,]+) blocks are definitely lost", record)
        if not head:
            continue
        frames = re.findall(r"(?:at|by) 0x[0-9A-F]+: (.*)", record)
        first = next((f for f in frames if not ALLOCATORS.search(f.split(" (")[0])), frames[0] if frames else "?")
        # Direct bytes, as valgrind's "definitely lost" total counts them.
        size = int((head.group(2) or head.group(1)).replace(",", ""))
        if THEIRS.search(first) or first.startswith("???"):
            key = re.sub(r"0x[0-9A-F]+", "", first)[:110]
            theirs[key] = theirs.get(key, 0) + size
        else:
            ours.append((size, first, frames[:12]))
    print(f"valgrind: {summary.group(0) if summary else 'no definite leaks reported'}")
    print(f"Graphviz-internal definite leaks ({sum(theirs.values()):,} B direct), by first frame past the allocator:")
    for key, size in sorted(theirs.items(), key=lambda kv: -kv[1]):
        print(f"  {size:>9,} B  {key}")
    if ours:
        print("DEFINITE LEAKS IN OUR CODE:")
        for size, first, frames in ours:
            print(f"  {size:,} B at {first}")
            for f in frames:
                print(f"      {f}")
        sys.exit(1)
    print("leakcheck: ok — no definite leak allocated by our code")


if __name__ == "__main__":
    main(sys.argv[1])
