#!/usr/bin/env bash
# Peak memory and wall time of a formula fit against the number of rows.
# Usage: [BEFORE=path/to/older/scaling-laws.dll] bench/memory.sh [ROWS...]   (default 100000 1000000 5000000)
# Builds the CLI (Release), writes a synthetic Chinchilla-shaped CSV per row count (N, D, loss; 3 used columns),
# fits 'E + A*N^-alpha + B*D^-beta' (5 parameters) from one start with one thread, and prints rows, file size,
# build, wall time, peak RSS and bytes per row per used column, as recorded in docs/benchmarks.md. With BEFORE,
# the older build is timed on the same file right before this one. Needs GNU time (/usr/bin/time) and awk.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=("$@"); [ ${#rows[@]} -eq 0 ] && rows=(100000 1000000 5000000)
dotnet build src/ScalingLaws.Cli -c Release -v q -nologo >/dev/null
cli=src/ScalingLaws.Cli/bin/Release/net10.0/scaling-laws.dll
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
builds=(); [ -n "${BEFORE:-}" ] && builds+=("before=$BEFORE"); builds+=("now=$cli")
printf '| rows | CSV size | build | wall time | peak RSS | bytes per row per used column |\n|---:|---:|---|---:|---:|---:|\n'
for n in "${rows[@]}"; do
  awk -v n="$n" 'BEGIN { srand(1); print "N,D,loss";
    for (i = 0; i < n; i++) { N = 10^(7 + 3*rand()); D = 10^(9 + 3*rand());
      printf "%.6g,%.6g,%.6g\n", N, D, 1.7 + 400/N^0.34 + 410/D^0.28 + 0.01*(rand() - 0.5) } }' > "$work/runs.csv"
  size=$(du -m "$work/runs.csv" | cut -f1)
  for build in "${builds[@]}"; do
    name=${build%%=*}; dll=${build#*=}
    /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$dll" fit --data "$work/runs.csv" --target loss \
      --formula 'E + A*N^-alpha + B*D^-beta' --start E=1.5,A=300,alpha=0.3,B=300,beta=0.3 --threads 1 \
      --format json --output "$work/fit.json" 2>/dev/null || echo "($name: exit $?)" >&2
    read -r wall kb < "$work/time"
    echo "| $n | ${size} MB | $name | ${wall} s | $((kb / 1024)) MB | $((kb * 1024 / n / 3)) |"
  done
done
