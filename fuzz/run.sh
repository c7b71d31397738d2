#!/usr/bin/env bash
# Fuzzes one FairRubrics reader with afl-fuzz (AFL++) and SharpFuzz. See docs/fuzzing.md.
#
#   fuzz/run.sh TARGET [SECONDS]
#
# TARGET is rubric, evidence-csv, evidence-jsonl, scores-jsonl or attributes-csv; SECONDS defaults to 600.
# Installs what is missing (Debian's afl++ when run as root; the sharpfuzz tool into artifacts/fuzz/tools),
# publishes fuzz/FairRubrics.Fuzz, instruments FairRubrics.dll, YamlDotNet.dll and CsvHelper.dll, fuzzes from
# fuzz/corpus/TARGET (plus fuzz/regressions/TARGET) and then replays every crash, printing its exception.
#
# Exit codes: 0 no crash; 1 crashes found (listed, with the command to replay them); 2 usage or build error;
# 3 afl-fuzz is not installed and cannot be (not root).
#
# Environment: FUZZ_WORK (default artifacts/fuzz) holds the build, the tools and findings/TARGET;
# FUZZ_REUSE_BUILD=1 reuses an instrumented build already in FUZZ_WORK (fuzz/run-ci.sh sets it after the first
# target); FUZZ_TIMEOUT_MS (default 5000) is afl-fuzz's time limit for one input.
set -uo pipefail

targets="rubric evidence-csv evidence-jsonl scores-jsonl attributes-csv"
sharpfuzz_version=2.3.0

usage() {
  echo "usage: fuzz/run.sh TARGET [SECONDS]   (TARGET: ${targets// /, })" >&2
  exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
target=$1
seconds=${2:-600}
case " $targets " in *" $target "*) ;; *) usage ;; esac
case "$seconds" in '' | *[!0-9]*) usage ;; esac
[ "$seconds" -ge 1 ] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
work=${FUZZ_WORK:-$root/artifacts/fuzz}
mkdir -p "$work"
work=$(cd "$work" && pwd)
bin=$work/bin
tools=$work/tools
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. afl-fuzz (AFL++) from Debian.
if ! command -v afl-fuzz >/dev/null 2>&1; then
  if [ "$(id -u)" != "0" ]; then
    echo "fuzz: afl-fuzz is not installed and this user is not root; run 'sudo apt-get install afl++' first" >&2
    exit 3
  fi
  echo "fuzz: installing afl++ (Debian package)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++; } >"$work/apt.log" 2>&1; then
    tail -n 20 "$work/apt.log" >&2
    echo "fuzz: installing afl++ failed" >&2
    exit 3
  fi
fi

# 2. The sharpfuzz instrumentation tool (NuGet's SharpFuzz.CommandLine), in a local tool path.
if [ ! -x "$tools/sharpfuzz" ]; then
  echo "fuzz: installing the sharpfuzz tool $sharpfuzz_version into $tools"
  if ! dotnet tool install SharpFuzz.CommandLine --version "$sharpfuzz_version" --tool-path "$tools" >"$work/tool.log" 2>&1; then
    cat "$work/tool.log" >&2
    echo "fuzz: installing the sharpfuzz tool failed" >&2
    exit 2
  fi
fi

# 3. Publish the harness and instrument the assemblies that parse untrusted input. Instrumentation rewrites
#    the files in place, so it always starts from a fresh publish folder.
if [ "${FUZZ_REUSE_BUILD:-0}" = "1" ] && [ -f "$bin/.instrumented" ]; then
  echo "fuzz: reusing the instrumented build in $bin"
else
  echo "fuzz: publishing and instrumenting the harness"
  rm -rf "$bin"
  if ! dotnet publish "$root/fuzz/FairRubrics.Fuzz/FairRubrics.Fuzz.csproj" -c Release -o "$bin" --nologo -v quiet >"$work/publish.log" 2>&1; then
    cat "$work/publish.log" >&2
    echo "fuzz: building the harness failed" >&2
    exit 2
  fi
  for dll in FairRubrics.dll YamlDotNet.dll CsvHelper.dll; do
    if ! "$tools/sharpfuzz" "$bin/$dll" >"$work/instrument.log" 2>&1; then
      cat "$work/instrument.log" >&2
      echo "fuzz: instrumenting $dll failed" >&2
      exit 2
    fi
  done
  touch "$bin/.instrumented"
fi

# 4. Seeds: the target's corpus and its regression inputs (empty files are skipped: afl-fuzz rejects them).
seeds=$work/seeds/$target
rm -rf "$seeds"
mkdir -p "$seeds"
for dir in "$root/fuzz/corpus/$target" "$root/fuzz/regressions/$target"; do
  [ -d "$dir" ] || continue
  for f in "$dir"/*; do
    [ -f "$f" ] && [ -s "$f" ] && cp "$f" "$seeds/$(basename "$dir")-$(basename "$f")"
  done
done
if [ -z "$(ls -A "$seeds")" ]; then
  echo "fuzz: no seed files in fuzz/corpus/$target" >&2
  exit 2
fi

# A seed that crashes is a regression: report it at once (afl-fuzz would refuse to start).
if ! dotnet "$bin/FairRubrics.Fuzz.dll" "$target" "$seeds"/* >"$work/seeds-$target.log" 2>&1; then
  cat "$work/seeds-$target.log" | head -n 200
  echo "fuzz: CRASHES in $target: seed or regression inputs crash before fuzzing starts"
  exit 1
fi

dict=
case "$target" in
  rubric) dict=$root/fuzz/dictionaries/rubric.dict ;;
  *-csv) dict=$root/fuzz/dictionaries/csv.dict ;;
  *-jsonl) dict=$root/fuzz/dictionaries/jsonl.dict ;;
esac

# 5. Fuzz for the given time. dotnet itself is not instrumented (AFL_SKIP_BIN_CHECK); the harness runs the
#    target in a child .NET process that SharpFuzz restarts after a stack overflow or a time-out.
findings=$work/findings/$target
rm -rf "$findings"
mkdir -p "$findings"
echo "fuzz: $target for ${seconds}s (seeds: $seeds; findings: $findings)"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_NO_AFFINITY=1 AFL_FORKSRV_INIT_TMOUT=120000 AFL_QUIET=1
start=$(date +%s)
# timeout: a safety net in case afl-fuzz itself never gets going (-V ends a normal run).
timeout --kill-after=10 $((seconds + 150)) afl-fuzz -i "$seeds" -o "$findings" -V "$seconds" -t "${FUZZ_TIMEOUT_MS:-5000}" -m none ${dict:+-x "$dict"} \
  -- dotnet "$bin/FairRubrics.Fuzz.dll" "$target" >"$findings/afl.log" 2>&1
afl_status=$?
elapsed=$(( $(date +%s) - start ))

stats=$findings/default/fuzzer_stats
if [ ! -f "$stats" ]; then
  tail -n 40 "$findings/afl.log" >&2
  echo "fuzz: afl-fuzz did not start (exit $afl_status); its output is in $findings/afl.log" >&2
  exit 2
fi
stat() { sed -n "s/^$1 *: *//p" "$stats" | head -n 1; }
execs=$(stat execs_done)
paths=$(stat corpus_count)
[ -n "$paths" ] || paths=$(stat paths_total)

shopt -s nullglob
crashes=("$findings"/default/crashes/id:*)
hangs=("$findings"/default/hangs/id:*)
echo "fuzz: $target ${elapsed}s, ${execs:-?} executions, ${paths:-?} inputs in the queue, ${#crashes[@]} crashes, ${#hangs[@]} hangs"

if [ ${#hangs[@]} -gt 0 ]; then
  echo "fuzz: inputs that ran longer than ${FUZZ_TIMEOUT_MS:-5000} ms (a time-out under load is not always a bug; replay them):"
  printf '  %s\n' "${hangs[@]}"
fi

if [ ${#crashes[@]} -eq 0 ]; then
  exit 0
fi

echo "fuzz: CRASHES in $target: an exception other than FairRubricsException escaped the public API"
dotnet "$bin/FairRubrics.Fuzz.dll" "$target" "${crashes[@]}" | head -n 200
echo "fuzz: replay with: dotnet run --project fuzz/FairRubrics.Fuzz -- $target FILE..."
echo "fuzz: fix it, then add the input to fuzz/regressions/$target/ (docs/fuzzing.md)"
exit 1
