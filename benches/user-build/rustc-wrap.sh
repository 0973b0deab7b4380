#!/bin/sh
# RUSTC_WRAPPER for run.sh: runs rustc under /usr/bin/time and appends one line per crate to
# $USER_BUILD_LOG: crate name, user s, sys s, peak RSS KiB, wall s. Peak RSS per rustc
# process is what the largest crate of a build needs; the whole build's CPU is in run.sh's
# own /usr/bin/time line.
rustc="$1"; shift
name=-
prev=
for arg in "$@"; do
    [ "$prev" = "--crate-name" ] && name="$arg"
    prev="$arg"
done
if [ "$name" = "-" ] || [ -z "$USER_BUILD_LOG" ]; then
    exec "$rustc" "$@"
fi
exec /usr/bin/time -a -o "$USER_BUILD_LOG" -f "$name %U %S %M %e" "$rustc" "$@"
