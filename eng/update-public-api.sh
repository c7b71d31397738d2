#!/usr/bin/env bash
# Brings PublicAPI.Unshipped.txt in line with the code: adds every public symbol the PublicApiAnalyzers
# report as undeclared (RS0016) and removes declared symbols that no longer exist (RS0017).
# Use it deliberately: review the diff of PublicAPI.Unshipped.txt before committing, it is the public API change.
set -euo pipefail
project=${1:-src/FairRubrics}
file="$project/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$project" --no-incremental -p:TreatWarningsAsErrors=false > "$log" 2>&1 || true
grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sed "s/&lt;/</g; s/&gt;/>/g" | sort -u > "$log.add" || true
grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API)" "$log" | sed "s/&lt;/</g; s/&gt;/>/g" | sort -u > "$log.remove" || true
{ grep -v '^#nullable enable$' "$file" | grep -vxF -f "$log.remove" || true; cat "$log.add"; } | sort -u > "$log.merged"
{ echo '#nullable enable'; cat "$log.merged"; } > "$file"
echo "$(wc -l < "$log.add") symbol(s) added, $(wc -l < "$log.remove") removed: $file"
