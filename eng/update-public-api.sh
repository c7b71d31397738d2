#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt.
# Use it deliberately: review the diff of PublicAPI.Unshipped.txt before committing, it is the public API change.
set -euo pipefail
project=${1:-src/FairRubrics}
file="$project/PublicAPI.Unshipped.txt"
dotnet build "$project" -p:TreatWarningsAsErrors=false 2>&1 \
  | grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" \
  | sed "s/&lt;/</g; s/&gt;/>/g" | sort -u > /tmp/public-api-new.txt || true
{ cat "$file"; cat /tmp/public-api-new.txt; } | grep -v '^#nullable enable$' | sort -u > /tmp/public-api-merged.txt
{ echo '#nullable enable'; cat /tmp/public-api-merged.txt; } > "$file"
echo "$(wc -l < /tmp/public-api-new.txt) symbol(s) added to $file"
