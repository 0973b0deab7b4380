#!/bin/sh
# The user's build, measured: the same 40 operations over 8 services written with awso
# (awso/) and with the aws-sdk-* crates (sdk/), each built clean in dev and release.
#
#   benches/user-build/run.sh gen                    # generate awso/src/generated/ (8 modules)
#   benches/user-build/run.sh build awso|sdk dev|release
#   benches/user-build/run.sh table                  # the table of every build measured so far
#   benches/user-build/run.sh module ec2 dev|release # one generated module alone, as a library
#   benches/user-build/run.sh modules                # its crate beside the aws-sdk-* crate
#   benches/user-build/run.sh participant awso|sdk   # the reference service, release, alone
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

# measure MANIFEST LOG PROFILE BIN LOCKED [PACKAGE]: one clean build of MANIFEST in a fresh target dir,
# under /usr/bin/time -v, each rustc logged to LOG.crates; BIN (if any) stripped to LOG.size.
measure() {
    manifest=$1 log=$2 profile=$3 bin=$4 locked=$5 package=${6:+-p $6}
    case "$profile" in dev) dir=debug flag= ;; release) dir=release flag=--release ;; *) exit 2 ;; esac
    target="$log.target"
    rm -rf "$target"
    cargo fetch $locked --manifest-path "$manifest" >/dev/null 2>&1 || cargo fetch --manifest-path "$manifest"
    rm -f "$log.crates" "$log.time"
    echo "load before: $(cat /proc/loadavg)" >"$log.load"
    USER_BUILD_LOG="$log.crates" RUSTC_WRAPPER="$here/rustc-wrap.sh" CARGO_TARGET_DIR="$target" \
        /usr/bin/time -v -o "$log.time" \
        nice -n "${NICE:-10}" cargo build $locked $package -j "${JOBS:-2}" $flag --manifest-path "$manifest" \
        --timings 2>"$log.stderr"
    echo "load after: $(cat /proc/loadavg)" >>"$log.load"
    if [ -n "$bin" ]; then
        cp "$target/$dir/$bin" "$log.bin"
        strip "$log.bin"
        stat -c %s "$log.bin" >"$log.size"
    fi
    cp "$target/cargo-timings/cargo-timing.html" "$log.timing.html"
    # The target dirs are GBs; keep only what the table needs (KEEP_TARGET=1 keeps it, for
    # mono-lines.py: `cargo rustc --bin user-build-awso -- --emit=llvm-ir` in it).
    [ -n "${KEEP_TARGET:-}" ] || rm -rf "$target"
}

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
    measure "$here/$side/Cargo.toml" "$out/$side-$profile" "$profile" "user-build-$side" --locked
    ;;
module)
    # The generated module alone, as a library crate (its public items compiled, nothing
    # instantiated for a caller): the counterpart of one aws-sdk-* crate, whose own line in
    # the sdk build's per-crate log is its cost.
    service=$2 profile=$3
    crate="$out/module-$service"
    mkdir -p "$crate/src"
    cat >"$crate/Cargo.toml" <<EOF
[package]
name = "module-$service"
version = "0.1.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
awso-client = { path = "$root/awso-client" }
awso-core = { path = "$root/awso-core" }
EOF
    cat >"$crate/src/lib.rs" <<EOF
//! The generated \`$service\` module alone (benches/user-build/run.sh module).
#[path = "$here/awso/src/generated/$service.rs"]
#[allow(warnings, clippy::all, clippy::pedantic)]
pub mod $service;
EOF
    # The same versions as the user-build crate, so the two builds compile the same crates.
    cp "$here/awso/Cargo.lock" "$crate/Cargo.lock"
    measure "$crate/Cargo.toml" "$out/module-$service-$profile" "$profile" "" ""
    ;;
participant)
    # The reference user's crate, clean release (issue 19's last row): awso-connectparticipant
    # from this workspace, or an empty crate on aws-sdk-connectparticipant's default features.
    case "$2" in
    awso) measure "$root/Cargo.toml" "$out/participant-awso" release "" --locked awso-connectparticipant ;;
    sdk)
        crate="$out/participant-sdk"
        mkdir -p "$crate/src"
        printf '[package]\nname = "participant-sdk"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n\n[workspace]\n\n[dependencies]\naws-sdk-connectparticipant = "1"\n' >"$crate/Cargo.toml"
        echo '//! An empty crate on aws-sdk-connectparticipant (benches/user-build/run.sh participant).' >"$crate/src/lib.rs"
        measure "$crate/Cargo.toml" "$out/participant-sdk" release "" ""
        ;;
    *) exit 2 ;;
    esac
    ;;
modules)
    printf '| crate | profile | CPU (user+sys) | peak RSS | wall |\n|---|---|--:|--:|--:|\n'
    for side in awso sdk; do
        [ -f "$out/participant-$side.time" ] || continue
        awk -v c="participant $side (whole build)" '/User time/ {u=$NF} /System time/ {s=$NF} /Maximum resident/ {m=$NF} /Elapsed \(wall/ {w=$NF}
            END {printf "| %s | release | %.1f s | %.0f MiB | %s |\n", c, u+s, m/1024, w}' "$out/participant-$side.time"
    done
    for log in "$out"/module-*-dev.crates "$out"/module-*-release.crates; do
        [ -f "$log" ] || continue
        base=${log%.crates}; profile=${base##*-}; name=${base#"$out"/module-}; service=${name%-*}
        for pair in "module_$service:$log" "aws_sdk_$service:$out/sdk-$profile.crates"; do
            crate=${pair%%:*} file=${pair#*:}
            [ -f "$file" ] || continue
            awk -v c="$crate" -v p="$profile" '$1 == c {printf "| %s | %s | %.1f s | %.0f MiB | %.1f s |\n", c, p, $2+$3, $4/1024, $5}' "$file"
        done
    done
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
    sed -n '2,15p' "$0"
    exit 2
    ;;
esac
