#!/usr/bin/env bash
# Measures the MemAlign generator and analyzers on a project with N judges and N label schemas:
# generator and analyzer time (from -p:ReportAnalyzer=true) against the whole compile (Csc task) time.
# Usage: bash tests/GeneratorScale/measure.sh [N] [EXAMPLES]   (default 1000 judges; with EXAMPLES, judge_0 also gets
# judges/judge_0.memalign.json, an aligned memory file of that many examples, which the generator compiles in)
set -euo pipefail
n="${1:-1000}"
examples="${2:-0}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT; echo "work: $work" >&2

cat >"$work/Scale.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/MemAlign/MemAlign.csproj" />
    <ProjectReference Include="$repo/src/MemAlign.Generators/MemAlign.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
# The repository's central package versions are what the referenced projects need.
cp "$repo/Directory.Packages.props" "$work/Directory.Packages.props"
sed -i 's|<ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>||' "$work/Scale.csproj"
printf '<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally><NoWarn>NU1603</NoWarn></PropertyGroup></Project>\n' >"$work/Directory.Build.props"

for ((i = 0; i < n; i++)); do
  cat >"$work/Judge$i.cs" <<CS
using MemAlign;
namespace Scale;
[Judge("judge_$i"), Scale(1, 5)]
[Rubric("""
    Rate the reply {{ outputs }} to {{ inputs }} from 1 to 5 for criterion $i.
    {{ if expectations }}Expected: {{ expectations }}{{ end }}
    """)]
public partial class Judge$i : Judge<int>;
[LabelSchema("judge_$i", Title = "Criterion $i"), Scale(1, 5)]
public partial record Label$i : Label<int>;
CS
done

if [ "$examples" -gt 0 ]; then
  # As the package's build files would: memory files are AdditionalFiles (a ProjectReference imports nothing).
  sed -i "s|</Project>|  <Import Project=\"$repo/src/MemAlign/build/MemAlign.props\" />\n  <Import Project=\"$repo/src/MemAlign/build/MemAlign.targets\" />\n</Project>|" "$work/Scale.csproj"
  mkdir -p "$work/judges"
  python3 - "$examples" "$work/judges/judge_0.memalign.json" <<'PY'
import hashlib, json, sys
count, path = int(sys.argv[1]), sys.argv[2]
# judge_0's rubric as the raw string literal gives it (indentation and the outer newlines removed).
rubric = "Rate the reply {{ outputs }} to {{ inputs }} from 1 to 5 for criterion 0.\n{{ if expectations }}Expected: {{ expectations }}{{ end }}"
examples = [{
    "trace_id": f"trace-{i:04d}", "id": f"trace-{i:04d}:judge_0", "value": 1 + i % 5,
    "rationale": f"The reply to question {i} is rated {1 + i % 5} because it covers {i % 7} of the points the customer raised.",
    "reviewer": f"reviewer-{i % 3}", "embedded_field": "inputs",
    "fields": {"inputs": f"Customer question number {i} about order {1000 + i}: where is my parcel and when will it arrive?",
               "outputs": f"Your parcel {i} left the warehouse yesterday and should arrive within {1 + i % 4} days."},
    "fingerprint": hashlib.sha256(str(i).encode()).hexdigest()[:32].upper(), "distilled": True} for i in range(count)]
memory = {"format": "memalign-judge-memory/2", "judge": "judge_0", "version": 1,
          "aligned_for": {"rubric_sha256": hashlib.sha256(rubric.encode()).hexdigest(), "value": {"kind": "integer", "min": 1, "max": 5}},
          "embedding": {"model": "memalign-local-hash-v1", "dimensions": 256}, "retrieval_k": 5,
          "guidelines": [{"text": f"Rate {k} when the reply covers {k - 1} points.", "sources": [f"trace-{k:04d}"]} for k in range(1, 6)],
          "examples": examples}
with open(path, "w", encoding="utf-8", newline="\n") as f:
    f.write(json.dumps(memory, indent=2, ensure_ascii=False) + "\n")
PY
  echo "memory file: judges/judge_0.memalign.json, $examples examples, $(stat -c %s "$work/judges/judge_0.memalign.json") bytes"
fi

dotnet build "$repo/src/MemAlign.Generators" -c Release -v:q >/dev/null
dotnet restore "$work" -v:q >/dev/null
report() {
  local log="$1" label="$2"
  local csc gen ana mg ma
  csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | awk '{print $1}')
  gen=$(grep -E 'Total generator execution time' "$log" | tail -1 | grep -oE '[0-9]+\.[0-9]+' | head -1)
  ana=$(grep -E 'Total analyzer execution time' "$log" | tail -1 | grep -oE '[0-9]+\.[0-9]+' | head -1)
  mg=$(grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+MemAlign\.Generators\.JudgeGenerator' "$log" | tail -1 | awk '{print $1}')
  ma=$(grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+MemAlign\.Generators, Version' "$log" | head -1 | awk '{print $1}')
  echo "$label: compile (Csc task) ${csc} ms; MemAlign generator ${mg} s, MemAlign analyzers ${ma} s (all generators ${gen} s, all analyzers ${ana} s)"
  awk -v g="$mg" -v a="$ma" -v c="$csc" 'BEGIN { printf "  MemAlign share of the compile: %.1f%% (generator %.1f%%, analyzers %.1f%%)\n", 100*(g+a)*1000/c, 100*g*1000/c, 100*a*1000/c }'
}

echo "judges and label schemas: $n each"
build() { dotnet build "$work" --no-restore --no-incremental -c Release -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary >"$1" 2>&1 || { tail -40 "$1"; exit 1; }; }
build "$work/cold.log"
report "$work/cold.log" "cold build (compiler server just started or analyzers newly loaded)"
for run in 1 2 3; do
  build "$work/warm$run.log"
  report "$work/warm$run.log" "warm rebuild $run"
done
