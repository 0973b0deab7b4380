#!/usr/bin/env bash
# Every installed botocore service's generated module type-checks: generates each one into a
# crate of its own in one scratch workspace (outside the repository) and runs `cargo check`
# on all of them, so "generates" can never stand in for "compiles".
#
# Usage: samples/check-all.sh [SCRATCH_DIR]   (default: $TMPDIR/awso-check-all)
# Prints `services compile: N passed, M failed` and the failing names; exits 1 on a failure.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
scratch=${1:-${TMPDIR:-/tmp}/awso-check-all}
data=$(python3 -c 'import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), "data"))')

# The test profile: its optimised syn is the one `cargo test` already built.
cargo build --quiet --profile test --manifest-path "$repo/Cargo.toml" -p awso-codegen
codegen="${CARGO_TARGET_DIR:-$repo/target}/debug/awso-codegen"

# The crates are regenerated on every run; the target dir is kept, so dependencies build once.
rm -rf "$scratch/crates" "$scratch"/generate-*.log
mkdir -p "$scratch/crates"
members=()
generate_failed=()
for service_dir in "$data"/*/; do
  service=$(basename "$service_dir")
  model=$(ls -d "$service_dir"*/service-2.json* 2>/dev/null | sort | tail -n 1)
  [ -n "$model" ] || continue
  crate="$scratch/crates/$service"
  mkdir -p "$crate/src"
  if ! "$codegen" "$model" --no-rustfmt -o "$crate/src/model.rs" 2>"$scratch/generate-$service.log"; then
    generate_failed+=("$service")
    rm -rf "$crate"
    continue
  fi
  cat >"$crate/Cargo.toml" <<TOML
[package]
name = "check-$service"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
awso-core = { path = "$repo/awso-core" }
TOML
  printf '#![allow(clippy::all, clippy::pedantic, missing_docs)]\ninclude!("model.rs");\n' >"$crate/src/lib.rs"
  members+=("\"crates/$service\"")
done

# Type-checking needs neither debug info nor incremental state (a one-off build of each).
{
  echo '[workspace]'
  echo 'resolver = "3"'
  echo "members = [$(IFS=,; echo "${members[*]}")]"
  echo '[profile.dev]'
  echo 'debug = 0'
  echo 'incremental = false'
} >"$scratch/Cargo.toml"
# The repository's lock file pins the same dependency versions the workspace is tested with.
cp "$repo/Cargo.lock" "$scratch/Cargo.lock"

log="$scratch/check.log"
status=0
cargo check --manifest-path "$scratch/Cargo.toml" --workspace --keep-going \
  --message-format short >"$log" 2>&1 || status=$?
mapfile -t check_failed < <(sed -n 's/^error: could not compile `check-\([^`]*\)`.*/\1/p' "$log" | sort -u)
failed=$(( ${#check_failed[@]} + ${#generate_failed[@]} ))
passed=$(( ${#members[@]} - ${#check_failed[@]} ))
echo "services compile: $passed passed, $failed failed"
for service in "${generate_failed[@]}"; do
  echo "  $service (generation: $(head -c 300 "$scratch/generate-$service.log"))"
done
for service in "${check_failed[@]}"; do
  echo "  $service"
done
if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
  echo "errors: $log" >&2
  exit 1
fi
