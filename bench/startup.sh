#!/usr/bin/env bash
# Start-up and replication benchmark of the scaling-laws command, side by side with the scipy reference.
# Whole processes, medians of hyperfine runs (Debian's hyperfine; scipy from python3-scipy):
#   --version, laws, Hoffmann's 4,500-start replication (fit --law chinchilla --drop-highest 5),
#   the same through the installed dotnet tool package, and scipy's L-BFGS-B replication once.
# Usage: bash bench/startup.sh [RUNS]   (writes only into the build output and a temporary folder)
# BEFORE=path/to/an/older/scaling-laws also measures that build, side by side. On a shared machine, run the
# measurements at real-time priority with PRIORITY="chrt -f 50" (root); builds run at normal priority.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
data=data/epoch-chinchilla/svg_extracted_data.csv
tools=$(mktemp -d)
# Pack first: a pack rebuilds the output folder without ReadyToRun, the build after it restores the precompiled images.
dotnet pack src/ScalingLaws.Cli -c Release -v q -nologo -o "$tools/nupkg" >/dev/null
dotnet tool install ScalingLaws.Cli --tool-path "$tools/bin" --add-source "$tools/nupkg" >/dev/null
dotnet build src/ScalingLaws.Cli -c Release -v q -nologo >/dev/null
build=src/ScalingLaws.Cli/bin/Release/net10.0/scaling-laws
tool="$tools/bin/scaling-laws"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version)"
before=()
if [ -n "${BEFORE:-}" ]; then
  before=(-n "before version" "$BEFORE --version" -n "before laws" "$BEFORE laws"
          -n "before replication" "$BEFORE fit --data $data --law chinchilla --drop-highest 5")
fi
${PRIORITY:-} hyperfine -N -w 3 -r "$runs" --export-json "$tools/hyperfine.json" "${before[@]}" \
  -n "version" "$build --version" \
  -n "laws" "$build laws" \
  -n "replication" "$build fit --data $data --law chinchilla --drop-highest 5" \
  -n "tool version" "$tool --version" \
  -n "tool laws" "$tool laws" \
  -n "tool replication" "$tool fit --data $data --law chinchilla --drop-highest 5" >/dev/null
python3 - "$tools/hyperfine.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f'{r["command"]:<20} median {1000 * r["median"]:8.1f} ms   min {1000 * r["min"]:8.1f} ms   user {1000 * r["user"]:7.1f} ms')
PY
${PRIORITY:-} /usr/bin/python3 bench/chinchilla_scipy.py "$data"
rm -rf "$tools"
