#!/usr/bin/env python3
"""What a crate's LLVM IR is made of, the way `cargo llvm-lines` counts it: lines of IR and
copies (monomorphised instances) per function; legacy symbol names carry no generic
arguments, so the name without its hash groups every copy.

    RUSTFLAGS=--emit=llvm-ir cargo build ...; mono-lines.py target/debug/deps/CRATE-*.ll [top]

The share of IR that generic instances take in the user's own crate is what its build pays
for each operation it calls (LLVM's time grows with the IR it is given)."""
import collections
import re
import subprocess
import sys

paths = [p for p in sys.argv[1:] if p.endswith(".ll")]
top = int(next((a for a in sys.argv[1:] if a.isdigit()), "30"))
lines = collections.Counter()
copies = collections.Counter()
names = []
counts = []
for path in paths:
    current = None
    with open(path, encoding="utf-8", errors="replace") as ir:
        for line in ir:
            if line.startswith("define "):
                m = re.search(r'@("?)([^\s("]+)\1\(', line)
                current = m.group(2) if m else "?"
                n = 0
            elif current is not None:
                n += 1
                if line.startswith("}"):
                    names.append(current)
                    counts.append(n)
                    current = None
demangled = subprocess.run(["c++filt"], input="\n".join(names), capture_output=True,
                           text=True, check=True).stdout.splitlines()
for name, n in zip(demangled, counts):
    name = re.sub(r"::h[0-9a-f]{16}$", "", name)
    # Legacy symbols carry no generic arguments: one name, every copy of the function.
    key = name
    lines[key] += n
    copies[key] += 1
total = sum(lines.values())
print(f"{total} lines of IR in {sum(copies.values())} functions\n")
print("| lines | share | copies | function |\n|--:|--:|--:|---|")
for key, n in lines.most_common(top):
    print(f"| {n} | {100 * n / total:.1f}% | {copies[key]} | `{key}` |")
