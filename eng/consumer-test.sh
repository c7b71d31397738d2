#!/usr/bin/env bash
# Consumer test: uses the packages the way a new user does, from a local folder feed, never through a
# ProjectReference.
#   1. packs FairRubrics and FairRubrics.Cli into artifacts/packages (and checks what the packages contain);
#   2. in a fresh temporary folder, creates console projects that take FairRubrics by PackageReference from
#      that folder (a NuGet.config with the folder plus the normal feed for dependencies, and source mapping
#      so that FairRubrics* can only come from the folder), with the docs' code copied in verbatim:
#      docs/snippets/QuickStart (DI, load, lint, score, audit) and docs/snippets/Extending (the same with a
#      custom scoring rule and a custom design check); builds and runs both and checks their output; and the
#      README's host, docs/snippets/EmbeddingHost, with exactly the packages its packages.sh adds (options from
#      appsettings.json, an IAsyncEnumerable scored with cancellation, a broken rubric in the log and the health check);
#   3. installs the tool with `dotnet tool install --tool-path` from the folder (the package for this machine's
#      runtime identifier, precompiled) and runs `fairrubrics lint rubrics`.
# A private NUGET_PACKAGES folder keeps an older FairRubrics of the same version in the machine's cache from
# being used. Prints one "consumer-test: <name>: PASS|FAIL" line per test and "consumer-test: all done (N passed, N failed)".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
feed="$root/artifacts/packages"
work=$(mktemp -d "${TMPDIR:-/tmp}/fairrubrics-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/nuget-packages"
passed=0; failed=0
log() { echo "consumer-test: $*"; }
result() {  # name, status
  if [ "$2" -eq 0 ]; then log "$1: PASS"; passed=$((passed + 1)); else log "$1: FAIL"; failed=$((failed + 1)); fi
}
run() {  # quiet unless it fails
  local out="$work/last.log"
  if "$@" > "$out" 2>&1; then return 0; fi
  echo "consumer-test: command failed: $*" >&2; tail -n 40 "$out" >&2; return 1
}

version=$(dotnet msbuild src/FairRubrics/FairRubrics.csproj -getProperty:PackageVersion 2>/dev/null | tr -d '[:space:]')
start=$SECONDS
log "packing FairRubrics $version into ${feed#"$root/"}"
rm -rf "$feed"
pack=0
# Only the two packable projects: packing the solution would build the tests and benchmarks in Release too.
run dotnet pack src/FairRubrics/FairRubrics.csproj -c Release -o "$feed" || pack=1
[ "$pack" -ne 0 ] || run dotnet pack src/FairRubrics.HealthChecks/FairRubrics.HealthChecks.csproj -c Release -o "$feed" || pack=1
[ "$pack" -ne 0 ] || run dotnet pack src/FairRubrics.Cli/FairRubrics.Cli.csproj -c Release -o "$feed" || pack=1
if [ "$pack" -eq 0 ]; then
  # The tool is RID-specific (#18): a top-level package that points at one self-contained package per platform
  # (the runtime and the tool precompiled into one composite ReadyToRun image, FairRubrics.Cli.r2r.dll, under
  # tools/any/<rid>), plus FairRubrics.Cli.any, the framework-dependent fallback for every other platform.
  tool_rids="linux-x64 linux-arm64 osx-arm64 win-x64 any"
  tool_dir() { if [ "$1" = any ]; then echo tools/net10.0/any; else echo "tools/any/$1"; fi; }
  wanted="FairRubrics.$version.nupkg FairRubrics.$version.snupkg FairRubrics.Cli.$version.nupkg FairRubrics.HealthChecks.$version.nupkg"
  for rid in $tool_rids; do wanted="$wanted FairRubrics.Cli.$rid.$version.nupkg FairRubrics.Cli.$rid.$version.snupkg"; done
  for f in $wanted; do
    [ -f "$feed/$f" ] || { echo "consumer-test: missing $f" >&2; pack=1; }
  done
  settings=$(unzip -p "$feed/FairRubrics.Cli.$version.nupkg" tools/any/any/DotnetToolSettings.xml 2>/dev/null)
  for rid in $tool_rids; do
    grep -qF "RuntimeIdentifier=\"$rid\" Id=\"FairRubrics.Cli.$rid\"" <<< "$settings" || { echo "consumer-test: FairRubrics.Cli.$version.nupkg does not point at FairRubrics.Cli.$rid" >&2; pack=1; }
    entries="$(tool_dir "$rid")/FairRubrics.Cli.dll"
    [ "$rid" = any ] || entries="$entries $(tool_dir "$rid")/FairRubrics.Cli.r2r.dll"
    tool_listing=$(unzip -l "$feed/FairRubrics.Cli.$rid.$version.nupkg" 2>/dev/null)
    for entry in $entries; do
      grep -q " $entry\$" <<< "$tool_listing" || { echo "consumer-test: FairRubrics.Cli.$rid.$version.nupkg lacks $entry" >&2; pack=1; }
    done
  done
  listing=$(unzip -l "$feed/FairRubrics.$version.nupkg" 2>/dev/null)
  for entry in lib/net10.0/FairRubrics.dll lib/net10.0/FairRubrics.xml README.md schema/fairrubrics-1.schema.json language/masculine-coded.yaml; do
    grep -q " $entry\$" <<< "$listing" || { echo "consumer-test: FairRubrics.$version.nupkg lacks $entry" >&2; pack=1; }
  done
  nuspec=$(unzip -p "$feed/FairRubrics.$version.nupkg" FairRubrics.nuspec 2>/dev/null)
  for want in '<license type="expression">MIT</license>' '<repository type="git" url="https://' '<readme>README.md</readme>'; do
    grep -qF "$want" <<< "$nuspec" || { echo "consumer-test: nuspec lacks $want" >&2; pack=1; }
  done
  # The core's dependencies (#19 added what a host already has: options, configuration, logging, the health check
  # abstractions; IHealthChecksBuilder's full package is FairRubrics.HealthChecks' dependency only).
  deps="YamlDotNet CsvHelper Microsoft.Extensions.DependencyInjection.Abstractions Microsoft.Extensions.Options Microsoft.Extensions.Configuration.Abstractions Microsoft.Extensions.Configuration.Binder Microsoft.Extensions.Hosting.Abstractions Microsoft.Extensions.Logging.Abstractions Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions"
  for dep in $deps; do
    grep -q "id=\"$dep\"" <<< "$nuspec" || { echo "consumer-test: nuspec lacks dependency $dep" >&2; pack=1; }
  done
  [ "$(grep -c '<dependency ' <<< "$nuspec")" -eq "$(wc -w <<< "$deps")" ] || { echo "consumer-test: the core package must depend on exactly: $deps" >&2; pack=1; }
  unzip -p "$feed/FairRubrics.$version.snupkg" lib/net10.0/FairRubrics.pdb > "$work/FairRubrics.pdb" 2>/dev/null
  grep -aq 'raw.githubusercontent.com' "$work/FairRubrics.pdb" || { echo "consumer-test: FairRubrics.pdb has no SourceLink" >&2; pack=1; }
fi
result "pack (nupkg, snupkg, docs, README, licence, repository, SourceLink, schema, word lists)" "$pack"

cat > "$work/NuGet.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="FairRubrics" /><package pattern="FairRubrics.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG

consumer() {  # name, snippet folder, expected output...
  local name=$1 snippets=$2; shift 2
  local dir="$work/$name" status=0
  mkdir -p "$dir"
  (
    cd "$dir" || exit 1
    # As a new user would: a console project, then the two packages the guide asks for.
    run dotnet new console --framework net10.0 --force --no-update-check || exit 1
    run dotnet add package FairRubrics --version "$version" --no-restore || exit 1
    run dotnet add package Microsoft.Extensions.DependencyInjection --version 10.0.15 --no-restore || exit 1
    grep -q '<PackageReference Include="FairRubrics" Version="'"$version"'"' ./*.csproj || { echo "no PackageReference to FairRubrics $version" >&2; exit 1; }
    ! grep -q ProjectReference ./*.csproj || exit 1
    # The docs' code and data, verbatim.
    (cd "$root/$snippets" && find . -path ./bin -prune -o -path ./obj -prune -o -type f ! -name '*.csproj' -print) | while read -r f; do
      mkdir -p "$(dirname "$f")" && cp "$root/$snippets/$f" "$f"
    done
    run dotnet build -c Release || exit 1
    grep -qF "\"source\": \"$feed\"" "$NUGET_PACKAGES/fairrubrics/$version/.nupkg.metadata" || { echo "FairRubrics $version did not come from $feed" >&2; exit 1; }
    dotnet run --no-build -c Release > run.log 2>&1 || { cat run.log >&2; exit 1; }
    for want in "$@"; do
      grep -qF -- "$want" run.log || { echo "consumer-test: $name output lacks: $want" >&2; tail -n 30 run.log >&2; exit 1; }
    done
  ) || status=1
  result "$name (PackageReference from the folder feed; builds and runs)" "$status"
}

host_consumer() {  # The README's host (docs/snippets/EmbeddingHost) with exactly the packages its packages.sh adds (#19).
  local name=host snippets=docs/snippets/EmbeddingHost dir="$work/host" status=0
  mkdir -p "$dir"
  (
    cd "$dir" || exit 1
    run dotnet new console --framework net10.0 --force --no-update-check || exit 1
    # The printed 'dotnet add package' lines, verbatim but for FairRubrics' version (the one just packed).
    grep '^dotnet add package ' "$root/$snippets/packages.sh" | while read -r _ _ _ package rest; do
      case $package in FairRubrics | FairRubrics.*) rest="--version $version" ;; esac
      # shellcheck disable=SC2086
      run dotnet add package "$package" $rest --no-restore || exit 1
    done || exit 1
    [ "$(grep -c '<PackageReference ' ./*.csproj)" -eq "$(grep -c '^dotnet add package ' "$root/$snippets/packages.sh")" ] || { echo "the project's packages are not packages.sh's" >&2; exit 1; }
    (cd "$root/$snippets" && find . -path ./bin -prune -o -path ./obj -prune -o -type f ! -name '*.csproj' ! -name '*.sh' -print) | while read -r f; do
      mkdir -p "$(dirname "$f")" && cp "$root/$snippets/$f" "$f"
    done
    run dotnet build -c Release || exit 1
    check() {  # log, wanted text...
      local file=$1; shift
      for want in "$@"; do
        grep -qF -- "$want" "$file" || { echo "consumer-test: $name output lacks: $want" >&2; tail -n 30 "$file" >&2; exit 1; }
      done
    }
    # 1. As printed: options and the rubric folder bound from appsettings.json, healthy, the stream scored.
    dotnet run --no-build -c Release > run.log 2>&1 || { cat run.log >&2; exit 1; }
    check run.log "health: Healthy" "FairRubrics.Catalog[1001]" "e-001: Scored, band Strong" "e-002: Scored, band Solid"
    # 2. A broken rubric file: in the log (event 1003 with file, line and FR code) and in the health check;
    #    a scoring budget of 1 ms (configuration from the command line) cancels the stream.
    printf 'fairrubrics: 1\nid: [broken\n' > rubrics/broken.yaml
    dotnet run --no-build -c Release -- --Scoring:Budget=00:00:00.001 > broken.log 2>&1 || { cat broken.log >&2; exit 1; }
    check broken.log "FairRubrics.Catalog[1003]" "rubrics/broken.yaml rejected at line" "FR001" "health: Unhealthy" "scoring stopped: over budget or shutting down"
    ! grep -q "^e-00" broken.log || { echo "consumer-test: $name scored after its budget was spent" >&2; exit 1; }
    rm rubrics/broken.yaml
    # 3. A bad value in configuration stops the host at start with a message naming the key.
    if dotnet run --no-build -c Release -- --FairRubrics:Loader:MaxDepth=1000 > invalid.log 2>&1; then
      echo "consumer-test: $name started with FairRubrics:Loader:MaxDepth=1000" >&2; exit 1
    fi
    check invalid.log "FairRubrics:Loader:MaxDepth: MaxDepth ('1000') must be less than or equal to '256'."
  ) || status=1
  result "$name (the README's host with packages.sh's packages: appsettings.json, IAsyncEnumerable with cancellation, broken rubric in logs and health)" "$status"
}

if [ "$pack" -eq 0 ]; then
  host_consumer
  consumer quickstart docs/snippets/QuickStart \
    "e-003: Teamwork and delivery 1.0.0" "level 3 via Passes on knowledge" "Favourable bands: Strong" "warning FR201"
  consumer extending docs/snippets/Extending \
    "warning ACME010: competency 'mentoring' has no description" "e-005: level 5 (Strong)" "audit: 6 subjects"

  tool=0
  (
    run dotnet tool install --tool-path "$work/tools" --add-source "$feed" --version "$version" FairRubrics.Cli || exit 1
    # The install took this machine's precompiled package where there is one, else the framework-dependent one.
    rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
    case " $tool_rids " in *" $rid "*) ;; *) rid=any ;; esac
    [ -f "$work/tools/.store/fairrubrics.cli/$version/fairrubrics.cli.$rid/$version/$(tool_dir "$rid")/FairRubrics.Cli.dll" ] || { echo "the tool was not installed from FairRubrics.Cli.$rid" >&2; exit 1; }
    [ "$("$work/tools/fairrubrics" --version | cut -d+ -f1)" = "$version" ] || { echo "fairrubrics --version is not $version" >&2; exit 1; }
    "$work/tools/fairrubrics" lint rubrics || exit 1
    "$work/tools/fairrubrics" lint samples/legacy-networking.yaml > "$work/legacy.txt"; code=$?
    [ "$code" -eq 0 ] && grep -q 'warning FR102' "$work/legacy.txt" || { echo "lint of the legacy sample did not report FR102" >&2; exit 1; }
    "$work/tools/fairrubrics" schema > "$work/schema.json" && grep -q '"\$schema"' "$work/schema.json" || exit 1
  ) || tool=1
  result "tool (dotnet tool install --tool-path from the folder feed; fairrubrics lint rubrics)" "$tool"
else
  failed=$((failed + 4))
  log "host, quickstart, extending, tool: not run (pack failed)"
fi

log "took $((SECONDS - start)) s"
log "all done ($passed passed, $failed failed)"
[ "$failed" -eq 0 ]
