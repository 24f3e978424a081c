#!/usr/bin/env bash
# Issue 24's levers measured in one run, printed as one Markdown table (before/after, with the command behind each row):
# stable-prefix share (PromptCacheShareTests), batch path calls and resume (BatchEvaluateCliTests), cascade coverage against
# agreement with its guarantee (CascadeEvidenceTests, VADER), import rates on both backends and registration time
# (ImportBenchmarks through BenchmarkDotNet) and `memalign import` itself (as its tool package for this platform is built:
# Release, ReadyToRun) on the same 50,000 traces, the median of three runs per backend (this machine's timings vary).
#
# Run from any folder, holding the build lock so no other build distorts the timings:
#   flock /tmp/memalign-build.lock bash tests/MemAlign.Benchmarks/levers.sh
# PostgreSQL rows need MEMALIGN_TEST_POSTGRES (a connection string to a database the run may write); without it they say so.
set -euo pipefail
cd "$(dirname "$0")/../.." # the commands below name paths from the repository root
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=${LEVERS_LOGS:-$(mktemp -d)} # set LEVERS_LOGS to keep the logs behind the table
mkdir -p "$work"
[ -n "${LEVERS_LOGS:-}" ] || trap 'rm -rf "$work"' EXIT

prompt_cmd='dotnet test tests/MemAlign.Tests --filter "FullyQualifiedName~PromptCacheShareTests|FullyQualifiedName~CascadeEvidenceTests.On_real_VADER" --logger "console;verbosity=detailed"'
batch_cmd='dotnet test tests/MemAlign.Cli.Tests --filter "FullyQualifiedName~BatchEvaluateCliTests.Evaluate_batch_gives|FullyQualifiedName~BatchEvaluateCliTests.A_process_killed_mid_poll|FullyQualifiedName~BatchEvaluateCliTests.A_batch_whose_creation_reply_was_lost" --logger "console;verbosity=detailed"'
bench_cmd="dotnet run -c Release --project tests/MemAlign.Benchmarks -- --filter '*ImportBenchmarks*'"
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
tool_cmd="dotnet publish src/MemAlign.Cli -c Release -r $rid --self-contained false; MemAlign.Cli import traces.jsonl (50,000 traces, one assessment and two tags each; median of 3)"

eval "$prompt_cmd" > "$work/offline.log" 2>&1 || { cat "$work/offline.log"; exit 1; }
eval "$batch_cmd" > "$work/batch.log" 2>&1 || { cat "$work/batch.log"; exit 1; }
eval "$bench_cmd" > "$work/bench.log" 2>&1 || { cat "$work/bench.log"; exit 1; }

# The tool itself, built as its package for this platform is (ReadyToRun), on the benchmark's file shape, into a fresh store per run.
dotnet publish src/MemAlign.Cli -c Release -r "$rid" --self-contained false -o "$work/tool" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
python3 - "$work/traces.jsonl" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    for i in range(50000):
        f.write('{"trace_id": "t%06d", "inputs": {"question": "How do I reset my password? case %d"}, "outputs": "Open settings, choose security, then reset. Answer %d.", '
                '"tags": {"split": "%s", "source": "bench"}, "assessments": [{"name": "helpfulness", "value": %s, "rationale": %s, "source": {"type": "HUMAN", "id": "expert%d"}}]}\n'
                % (i, i, i, "test" if i % 5 == 0 else "train", "true" if i % 3 != 0 else "false", "null" if i % 2 == 0 else '"clear steps"', i % 7))
PY
time_import() { # store, experiment -> seconds
  local start end
  start=$(date +%s.%N)
  "$work/tool/MemAlign.Cli" import "$work/traces.jsonl" --store "$1" --experiment "$2" > "$work/import.log" 2>&1 || { cat "$work/import.log" >&2; return 1; }
  end=$(date +%s.%N)
  python3 -c "print(round($end - $start, 2))"
}
median_of_3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
sqlite_runs=() pg_runs=()
for run in 1 2 3; do
  rm -f "$work"/tool-*.db*
  sqlite_runs+=("$(time_import "$work/tool-$run.db" default)")
  if [ -n "${MEMALIGN_TEST_POSTGRES:-}" ]; then
    pg_runs+=("$(time_import "$MEMALIGN_TEST_POSTGRES" "levers-$(date +%s%N)")")
  fi
done
tool_sqlite=$(median_of_3 "${sqlite_runs[@]}")
tool_pg=""
if [ -n "${MEMALIGN_TEST_POSTGRES:-}" ]; then
  tool_pg=$(median_of_3 "${pg_runs[@]}")
fi
echo "memalign import runs: SQLite ${sqlite_runs[*]} s; PostgreSQL ${pg_runs[*]:-not measured} s" >&2

python3 - "$work" "$prompt_cmd" "$batch_cmd" "$bench_cmd" "$tool_cmd" "$tool_sqlite" "$tool_pg" <<'PY'
import re, sys
work, prompt_cmd, batch_cmd, bench_cmd, tool_cmd, tool_sqlite, tool_pg = sys.argv[1:]
offline = open(f"{work}/offline.log").read()
batch = open(f"{work}/batch.log").read()
bench = open(f"{work}/bench.log").read()
rows = []
def row(lever, before, after, command): rows.append(f"| {lever} | {before} | {after} | `{command}` |")

for m in re.finditer(r"^\s*(\S+): (\d+) prompts, (\d+) guidelines; stable prefix before (\d+) tokens \(([\d.]+) ?% of (\d+) prompt tokens\), after (\d+) tokens \(([\d.]+) ?% of (\d+)\)", offline, re.M):
    judge, prompts, _, bt, bs, _, at, as_, _ = m.groups()
    row(f"Stable-prefix share, {judge} ({prompts} prompts)", f"{bt} tokens, {bs}%", f"{at} tokens, {as_}%", prompt_cmd)

m = re.search(r"(\d+) traces: streaming (\d+) chat calls; batch (.*)$", batch, re.M)
row(f"Batch path, {m.group(1)} traces" if m else "Batch path", f"{m.group(2)} chat calls" if m else "not found in the log", m.group(3).strip() if m else "not found", batch_cmd)
m = re.search(r"resume after kill: (.*)$", batch, re.M)
row("Batch resume after the process was killed mid-poll", "-", m.group(1).strip() if m else "not found in the log", batch_cmd)
m = re.search(r"resume after a lost create reply: (.*)$", batch, re.M)
row("Batch resume after the batch was created but never saved (reply lost)", "-", m.group(1).strip() if m else "not found in the log", batch_cmd)

guarantee = next((l.strip() for l in offline.splitlines() if re.match(r"\s*(No guarantee|Guarantee):", l)), "no guarantee line in the log")
majority = re.search(r"majority (.*?); local judge on every trace (\S+)", offline)
points = [p.groups() for p in re.finditer(r"^\s*(\d\.\d\d): coverage ([\d.]+) \((\d+)\), local (\S+(?: \[[^\]]*\])?), bound (\S+), cascade (\S+), (.*)$", offline, re.M)]
# The informative part of the curve: thresholds that answer some but not all held-out traces locally (at most five, evenly spread).
middle = [p for p in points if 0 < float(p[1]) < 1] or points
picked = [middle[round(i * (len(middle) - 1) / 4)] for i in range(5)] if len(middle) > 5 else middle
curve = "; ".join(f"threshold {t}: coverage {c}, local agreement {a}" for t, c, _, a, _, _, _ in dict.fromkeys(picked)) or "no curve in the log"
row("Cascade, VADER polarity (held out, offline)", f"model on every trace; majority {majority.group(1) if majority else '?'}", f"{curve}. {guarantee}", prompt_cmd)

# BenchmarkDotNet's summary table: | Method | Backend | Mean | ...
header = None
means = {}
for line in bench.splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if "Method" in cells and "Mean" in cells:
        header = cells
    elif header and len(cells) == len(header) and cells[0] in ("Import50000", "RegisterJudge10000"):
        means[(cells[0], cells[header.index("Backend")])] = cells[header.index("Mean")]
def seconds(text):
    value, unit = text.replace(",", "").split()
    return float(value) * {"s": 1, "ms": 1e-3, "us": 1e-6, "μs": 1e-6}[unit]
sqlite = means.get(("Import50000", "SQLite"))
pg = means.get(("Import50000", "PostgreSQL"))
row("Import 50,000 traces, SQLite (BenchmarkDotNet)", "6.47 s (~7,700/s), stop 33", f"{sqlite} (~{50000 / seconds(sqlite):,.0f}/s; target 25,000/s)" if sqlite else "not measured", bench_cmd)
row("Import 50,000 traces, PostgreSQL (BenchmarkDotNet)", "74.7 s (~670/s), stop 33",
    f"{pg} (~{50000 / seconds(pg):,.0f}/s, {seconds(sqlite) / seconds(pg):.2f}x SQLite; target 0.5x)" if pg and sqlite else "not measured (MEMALIGN_TEST_POSTGRES not set)", bench_cmd)
for backend in ("SQLite", "PostgreSQL"):
    r = means.get(("RegisterJudge10000", backend))
    row(f"Registering 10,000 examples, {backend}", "SQLite 533 ms, PostgreSQL 1,994 ms (stop 33)", f"{r} (target under 1 s)" if r else "not measured", bench_cmd)
row("`memalign import`, SQLite (tool as packaged for this platform, with start-up; median of 3)", "~5,900/s (issue text)", f"{tool_sqlite} s (~{50000 / float(tool_sqlite):,.0f}/s)", tool_cmd)
row("`memalign import`, PostgreSQL (tool as packaged for this platform, with start-up; median of 3)", "~840/s (issue text)",
    f"{tool_pg} s (~{50000 / float(tool_pg):,.0f}/s, {float(tool_sqlite) / float(tool_pg):.2f}x SQLite)" if tool_pg else "not measured (MEMALIGN_TEST_POSTGRES not set)", tool_cmd)

print("| Lever | Before | After | Command |")
print("|---|---|---|---|")
print("\n".join(rows))
PY
