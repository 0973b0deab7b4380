#!/usr/bin/env python3
"""Counts the public items of a crate that `cargo doc` shows without a running example.

Reads rustdoc's JSON output (nightly only), so the count is exactly what the docs show:
the walk starts at the crate root and follows public modules, re-exports (`pub use`, also
of items in private modules) and the public methods and constants of inherent impls, plus
the methods, constants and types declared by public traits. A re-export of another crate's
item counts as an item whose docs are the re-export's own (they open the item's page). Trait impls are not items of
their own; `#[doc(hidden)]` items are left out of the JSON by rustdoc (and skipped here if
they slip in). An example is a Rust code fence in the item's own docs (``` or ```rust,
`no_run`, `should_panic`, `compile_fail`); `ignore` and fences in other languages do not
count. Usage:

    .ci/doc-examples.py CRATE [--list]

builds `target/doc/CRATE.json` with `cargo +nightly rustdoc -p CRATE --lib --all-features`,
prints `doc examples: N items, M without an example` (and with `--list` each item without
one, with its file and line), and exits 1 when M > 0.
"""
import json
import os
import pathlib
import subprocess
import sys

# Fence words that still make rustdoc compile (and, but for `no_run`/`compile_fail`, run)
# the block as Rust.
RUST_FENCE_WORDS = {"rust", "no_run", "should_panic", "compile_fail", "edition2018",
                    "edition2021", "edition2024", ""}
# The rustdoc JSON format_version the walk was written against (nightly of late 2026).
KNOWN_FORMAT = 57
# What a module-level walk lists; variants and fields live on their type's page.
ITEM_KINDS = {"module", "struct", "enum", "union", "trait", "trait_alias", "function",
              "constant", "static", "type_alias", "macro", "proc_macro"}


def build_json(crate):
    """Runs rustdoc's JSON backend and returns the path of its output."""
    root = pathlib.Path(__file__).resolve().parent.parent
    subprocess.run(
        ["cargo", "+nightly", "rustdoc", "--quiet", "-p", crate, "--lib", "--all-features",
         "--", "-Z", "unstable-options", "--output-format", "json"],
        cwd=root, check=True)
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", root / "target"))
    return target / "doc" / f"{crate.replace('-', '_')}.json"


def has_example(docs):
    """Whether the docs hold a code fence that rustdoc treats as a Rust doc test."""
    in_block = False
    for line in (docs or "").splitlines():
        line = line.strip()
        if not line.startswith("```"):
            continue
        if in_block:  # the closing fence
            in_block = False
            continue
        in_block = True
        words = {w.strip() for w in line[3:].replace(",", " ").split()} or {""}
        if words <= RUST_FENCE_WORDS:
            return True
    return False


def is_hidden(item):
    return any("hidden" in str(attr) and "doc" in str(attr) for attr in item.get("attrs", []))


class Walk:
    """Collects every item reachable from the crate root the way rustdoc's pages are."""

    def __init__(self, doc):
        self.index = doc["index"]
        self.paths = doc["paths"]
        self.found = {}  # id -> shown path
        self.seen_modules = set()

    def item(self, item_id, path):
        item = self.index.get(str(item_id))
        if item is None or is_hidden(item):
            return  # another crate's item (its own crate counts it) or hidden
        kind, inner = next(iter(item["inner"].items()))
        if kind == "use":
            if inner["id"] is None or str(inner["id"]) in self.index or inner["is_glob"]:
                self.reexport(inner, path)
            else:
                # Another crate's item shown inline: its page opens with this re-export's
                # docs (the other crate checks its own).
                self.found.setdefault(item["id"], f"{path}::{inner['name']}")
            return
        if kind not in ITEM_KINDS:
            return
        name = f"{path}::{item['name']}" if path else item["name"]
        self.found.setdefault(item["id"], name)
        if kind == "module":
            if item["id"] in self.seen_modules:
                return
            self.seen_modules.add(item["id"])
            for child in inner["items"]:
                self.item(child, name)
        elif kind in ("struct", "enum", "union"):
            for impl_id in inner["impls"]:
                self.inherent_impl(impl_id, name)
        elif kind == "trait":
            for child in inner["items"]:
                self.member(child, name, public_only=False)

    def reexport(self, inner, path):
        if inner["id"] is None:
            return
        target = self.index.get(str(inner["id"]))
        if target is None:
            return
        if inner["is_glob"]:
            # A glob re-export of a module shows that module's items in place.
            for child in next(iter(target["inner"].values())).get("items", []):
                self.item(child, path)
        else:
            self.item(inner["id"], path)

    def inherent_impl(self, impl_id, type_path):
        impl = self.index.get(str(impl_id))
        if impl is None or is_hidden(impl):
            return
        inner = impl["inner"]["impl"]
        if inner["trait"] is not None or inner.get("is_synthetic") or inner.get("blanket_impl"):
            return
        for child in inner["items"]:
            self.member(child, type_path, public_only=True)

    def member(self, member_id, owner, public_only):
        item = self.index.get(str(member_id))
        if item is None or is_hidden(item):
            return
        if public_only and item["visibility"] != "public":
            return
        self.found.setdefault(item["id"], f"{owner}::{item['name']}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    crate = args[0] if args else "awso-core"
    doc = json.loads(build_json(crate).read_text())
    walk = Walk(doc)
    try:
        walk.item(doc["root"], "")
    except (KeyError, TypeError, StopIteration) as err:
        # The JSON format is unstable: say so rather than print a bare traceback.
        sys.exit(f"rustdoc JSON format {doc.get('format_version')} not understood "
                 f"(written for {KNOWN_FORMAT}): {err!r}")
    missing = []
    for item_id, name in sorted(walk.found.items(), key=lambda kv: kv[1]):
        item = walk.index[str(item_id)]
        if not has_example(item["docs"]):
            span = item.get("span") or {}
            where = f"{span.get('filename', '?')}:{(span.get('begin') or [0])[0]}"
            missing.append(f"{where}: {name}")
    if "--list" in sys.argv:
        for line in sorted(missing):
            print(line)
    print(f"doc examples: {len(walk.found)} items, {len(missing)} without an example")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
