#!/usr/bin/env bash
# CI's short, bounded fuzzing run (called from .ci/run after the tests; docs/fuzzing.md): every target for a
# few seconds with fuzz/run.sh, about 3 minutes in all including the build.
#
# Prints one line per target ("fuzz: rubric 47s, ... 0 crashes, 0 hangs") and a closing "fuzz: ..." line.
# Exit code 1 only when a target crashed (an exception other than FairRubricsException escaped; the crash is
# printed). When afl-fuzz cannot be installed or started, or the harness cannot be built, it says so on a
# "fuzz: skipped ..." line and exits 0: the tests already build and replay every corpus and regression input.
set -uo pipefail
cd "$(dirname "$0")/.."

# target:seconds; the rubric loader and the CSV readers get the most time.
plan="rubric:45 evidence-csv:30 attributes-csv:30 evidence-jsonl:15 scores-jsonl:15"

start=$(date +%s)
crashed=()
skipped=()
reuse=0
for entry in $plan; do
  target=${entry%%:*}
  seconds=${entry##*:}
  FUZZ_REUSE_BUILD=$reuse bash fuzz/run.sh "$target" "$seconds"
  code=$?
  case $code in
    0) reuse=1 ;;
    1) reuse=1; crashed+=("$target") ;;
    3)
      echo "fuzz: skipped: afl-fuzz is not installed and cannot be installed here (not root)"
      exit 0
      ;;
    *) skipped+=("$target") ;;
  esac
done
elapsed=$(( $(date +%s) - start ))

if [ ${#skipped[@]} -gt 0 ]; then
  echo "fuzz: skipped ${skipped[*]}: the harness could not be built or afl-fuzz did not start (see the output above)"
fi
if [ ${#crashed[@]} -gt 0 ]; then
  echo "fuzz: ${elapsed}s in all, CRASHES in ${crashed[*]} (fix them and add the inputs to fuzz/regressions, docs/fuzzing.md)"
  exit 1
fi
echo "fuzz: ${elapsed}s in all, 0 crashes"
exit 0
