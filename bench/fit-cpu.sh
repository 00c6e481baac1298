#!/usr/bin/env bash
# CPU time (user + system) and wall time of Hoffmann's 4,500-start replication as a whole process, an older build
# and this one in alternating runs (so both see the same load), with all threads and with --threads 1.
# Usage: BEFORE=path/to/an/older/scaling-laws bash bench/fit-cpu.sh [ROUNDS]   (default 20 rounds; needs /usr/bin/time)
# On a shared machine, PRIORITY="chrt -f 50" (root) runs the measured processes at real-time priority.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
: "${BEFORE:?set BEFORE to the scaling-laws executable of the build to compare against}"
data=data/epoch-chinchilla/svg_extracted_data.csv
dotnet build src/ScalingLaws.Cli -c Release -v q -nologo >/dev/null
now=src/ScalingLaws.Cli/bin/Release/net10.0/scaling-laws
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for threads in -1 1; do
  for r in $(seq "$rounds"); do
    for version in before now; do
      exe=$BEFORE; [ "$version" = now ] && exe=$now
      ${PRIORITY:-} /usr/bin/time -f "$version %e %U %S" -a -o "$work/times$threads" \
        "$exe" fit --data "$data" --law chinchilla --drop-highest 5 --no-scale-holdout --threads "$threads" >"$work/out-$version.json"
    done
  done
  # The fits must agree (the elapsed time aside).
  diff <(grep -v elapsed "$work/out-before.json") <(grep -v elapsed "$work/out-now.json") >/dev/null || echo "the two builds' fits differ"
  python3 - "$work/times$threads" "$threads" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 4: runs.setdefault(parts[0], []).append((1000 * float(parts[1]), 1000 * (float(parts[2]) + float(parts[3]))))
for version, r in runs.items():
    wall, cpu = [w for w, _ in r], [c for _, c in r]
    print(f"--threads {sys.argv[2]:>2} {version:<6} wall median {statistics.median(wall):6.0f} ms  min {min(wall):6.0f} ms"
          f"   CPU median {statistics.median(cpu):6.0f} ms  mean {statistics.mean(cpu):6.0f} ms  min {min(cpu):6.0f} ms")
PY
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
