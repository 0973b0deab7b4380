#!/usr/bin/env python3
"""Lists public items of a crate whose doc comment has no example (no ``` block).

Reads the source (rustdoc's JSON output needs nightly): for every `pub` item outside
`#[doc(hidden)]` modules, the `///` block right above it (attributes skipped) must hold a
code fence. Trait impls are not items of their own and are not listed; `pub` items of
private modules are listed too (over-counting what `cargo doc` shows). Usage:
`.ci/doc-examples.py awso-core/src` (exit status 1 when an item lacks one).
"""
import pathlib
import re
import sys

ITEM = re.compile(r"^\s*pub (?:const )?(fn|struct|enum|trait|type|const|static|mod) ([A-Za-z_][A-Za-z0-9_]*)")


def missing(path):
    lines = path.read_text().splitlines()
    for i, line in enumerate(lines):
        if "pub mod __private" in line:
            return
        m = ITEM.match(line)
        # A `pub mod name;` has its docs in its own file's `//!` block.
        if not m or (m.group(1) == "mod" and line.rstrip().endswith(";")):
            continue
        j, fence = i - 1, False
        while j >= 0:
            above = lines[j].strip()
            if above == ")]":  # the end of an attribute written over several lines
                while j > 0 and not lines[j].strip().startswith("#["):
                    j -= 1
            elif not above.startswith(("#[", "///")):
                break
            fence |= above.startswith("/// ```")
            j -= 1
        if not fence:
            yield f"{path}:{i + 1}: {m.group(1)} {m.group(2)}"


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "awso-core/src")
    found = [hit for p in sorted(root.rglob("*.rs")) for hit in missing(p)]
    for hit in found:
        print(hit)
    print(f"{len(found)} public items without an example", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
