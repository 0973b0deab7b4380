#!/usr/bin/env bash
# Runs a fuzzing campaign: each named target (default: all) for SECONDS of libFuzzer time,
# one after the other, and appends one line per run to fuzz/logs/campaign.tsv with what
# FUZZING.md records (seconds, executions, coverage, features, corpus, peak RSS, findings).
# Full libFuzzer output goes to fuzz/logs/<target>-<stamp>.log. Both are git-ignored.
#
#   fuzz/campaign.sh 1800                       # every target, 30 minutes each
#   fuzz/campaign.sh 600 json_decode xml_decode # some targets
#
# Runs continue from fuzz/corpus/<target> (see seed-from-suites.sh) plus the committed seeds,
# and crashes land in fuzz/artifacts/<target>/ as libFuzzer names them.
set -uo pipefail
fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:?usage: campaign.sh SECONDS [TARGET...]}"
shift
if [ $# -eq 0 ]; then
  set -- $(cargo +nightly fuzz list --fuzz-dir "$fuzz_dir")
fi
mkdir -p "$fuzz_dir/logs"
table="$fuzz_dir/logs/campaign.tsv"
[ -f "$table" ] || printf 'started\ttarget\tseconds\texecutions\tcov\tft\tcorpus\tpeak_rss_mb\texit\n' >"$table"
cd "$fuzz_dir/.." || exit 1
cargo +nightly fuzz build --fuzz-dir "$fuzz_dir" || exit 1
for target in "$@"; do
  stamp="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  log="$fuzz_dir/logs/$target-$stamp.log"
  mkdir -p "$fuzz_dir/corpus/$target"
  begin="$(date +%s)"
  nice -n 10 cargo +nightly fuzz run --fuzz-dir "$fuzz_dir" "$target" \
    "$fuzz_dir/corpus/$target" "$fuzz_dir/seeds/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    >"$log" 2>&1
  status=$?
  secs=$(($(date +%s) - begin))
  # The last status line ("#N DONE cov: C ft: F corp: U/S ...") and the final stats.
  last="$(grep -E '^#[0-9]+' "$log" | tail -n 1)"
  execs="$(grep -oE 'stat::number_of_executed_units:[[:space:]]+[0-9]+' "$log" | grep -oE '[0-9]+$')"
  rss="$(grep -oE 'stat::peak_rss_mb:[[:space:]]+[0-9]+' "$log" | grep -oE '[0-9]+$')"
  cov="$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+')"
  ft="$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+')"
  corp="$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$last" | cut -d' ' -f2)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$target" "$secs" "${execs:-?}" \
    "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "$status" >>"$table"
done
