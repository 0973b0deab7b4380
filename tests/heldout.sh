#!/usr/bin/env bash
# The held-out measurement of botocore's grammar: botocore's older, hand-written protocol
# tests (before it switched to suites generated from Smithy's) are in the same format as
# ../shared/protocol-tests but were written against botocore's own readers, so they exercise
# the parts of the model grammar the Smithy-generated suites never use. This runs the
# conformance harness, both modes, on them.
#
# Usage: tests/heldout.sh BOTOCORE_GIT_DIR [COMMIT]
#   BOTOCORE_GIT_DIR  a clone (or bare mirror) of github.com/boto/botocore
#   COMMIT            default 1.31.0 (1bd7445684fb2b6dd6c2e204d91b7623d0f50628; the files are
#                     unchanged from then until the switch in 5cb1a57aa / a4bd6ae3b, 2025)
#
# The files are written under ${TMPDIR:-/tmp}, never into the repository. Not part of CI:
# it needs the botocore history, which CI does not have. Prints the harness's lines; exits
# with the harness's status (non-zero while any held-out case fails).
set -euo pipefail

git_dir=${1:?usage: tests/heldout.sh BOTOCORE_GIT_DIR [COMMIT]}
commit=${2:-1.31.0}
root=$(cd "$(dirname "$0")/.." && pwd)
resolved=$(git --git-dir="$git_dir" rev-parse --verify "$commit^{commit}")
suite="${TMPDIR:-/tmp}/awso-heldout-$resolved"

for kind in input output; do
    mkdir -p "$suite/$kind"
    git --git-dir="$git_dir" ls-tree --name-only "$resolved" "tests/unit/protocols/$kind/" |
        grep '\.json$' |
        while read -r path; do
            git --git-dir="$git_dir" show "$resolved:$path" >"$suite/$kind/$(basename "$path")"
        done
done
echo "heldout: botocore $commit ($resolved), suite in $suite"

cd "$root"
# The static mode's types are generated from the suite at build time, so this rebuilds
# awso-tests (and again when the shared suites are next used).
AWSO_PROTOCOL_TESTS="$suite" nice -n 10 cargo test -q -p awso-tests --test conformance
