#!/bin/sh
# The user's build, measured: the same 40 operations over 8 services written with awso
# (awso/) and with the aws-sdk-* crates (sdk/), each built clean in dev and release.
#
#   benches/user-build/run.sh gen                    # generate awso/src/generated/ (8 modules)
#   benches/user-build/run.sh build awso|sdk dev|release
#   benches/user-build/run.sh table                  # the table of every build measured so far
#
# Each build gets a fresh target directory under $USER_BUILD_DIR (default /tmp/user-build),
# runs `cargo build --locked -j ${JOBS:-2}` under /usr/bin/time -v (user+sys CPU, wall, peak
# RSS) with rustc-wrap.sh logging each crate's CPU and peak RSS, then strips a copy of the
# binary and records its size. Sources are fetched first, so no download is timed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${USER_BUILD_DIR:-/tmp/user-build}
mkdir -p "$out"
services="s3 dynamodb sqs sts sns lambda kinesis ec2"

case "${1:-}" in
gen)
    mkdir -p "$here/awso/src/generated"
    cargo build --quiet --manifest-path "$root/Cargo.toml" -p awso-codegen
    for s in $services; do
        "$root/target/debug/awso-codegen" "$s" --client -o "$here/awso/src/generated/$s.rs"
    done
    ;;
build)
    side=$2 profile=$3
    case "$profile" in dev) dir=debug flag= ;; release) dir=release flag=--release ;; *) exit 2 ;; esac
    manifest="$here/$side/Cargo.toml"
    target="$out/target-$side-$profile"
    rm -rf "$target"
    cargo fetch --locked --manifest-path "$manifest" >/dev/null 2>&1 || cargo fetch --manifest-path "$manifest"
    log="$out/$side-$profile"
    rm -f "$log.crates" "$log.time"
    echo "load before: $(cat /proc/loadavg)" >"$log.load"
    USER_BUILD_LOG="$log.crates" RUSTC_WRAPPER="$here/rustc-wrap.sh" CARGO_TARGET_DIR="$target" \
        /usr/bin/time -v -o "$log.time" \
        nice -n 10 cargo build --locked -j "${JOBS:-2}" $flag --manifest-path "$manifest" \
        --timings 2>"$log.stderr"
    echo "load after: $(cat /proc/loadavg)" >>"$log.load"
    cp "$target/$dir/user-build-$side" "$log.bin"
    strip "$log.bin"
    stat -c %s "$log.bin" >"$log.size"
    cp "$target/cargo-timings/cargo-timing.html" "$log.timing.html"
    # The target dirs are GBs; keep only what the table needs (KEEP_TARGET=1 keeps it, for
    # mono-lines.py: `cargo rustc --bin user-build-awso -- --emit=llvm-ir` in it).
    [ -n "${KEEP_TARGET:-}" ] || rm -rf "$target"
    ;;
table)
    printf '| build | user+sys CPU | wall | peak RSS | crates | stripped binary | heaviest crate (CPU, peak RSS) |\n'
    printf '|---|--:|--:|--:|--:|--:|---|\n'
    for side in awso sdk; do
        for profile in dev release; do
            log="$out/$side-$profile"
            [ -f "$log.size" ] || continue
            awk -v name="$side $profile" -v size="$(cat "$log.size")" -v crates="$log.crates" '
                /User time/ {u=$NF} /System time/ {s=$NF} /Maximum resident/ {m=$NF}
                /Elapsed \(wall/ {w=$NF}
                END {
                    n=0; best=""; bt=0; br=0
                    while ((getline line < crates) > 0) {
                        split(line, f, " "); n++
                        if (f[2]+f[3] > bt) {bt=f[2]+f[3]; best=f[1]; br=f[4]}
                    }
                    printf "| %s | %.1f s | %s | %.0f MiB | %d | %.2f MiB | %s (%.1f s, %.0f MiB) |\n",
                        name, u+s, w, m/1024, n, size/1048576, best, bt, br/1024
                }' "$log.time"
        done
    done
    ;;
*)
    sed -n '2,12p' "$0"
    exit 2
    ;;
esac
