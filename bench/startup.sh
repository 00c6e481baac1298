#!/usr/bin/env bash
# Start-up and replication benchmark of the scaling-laws command, side by side with its references.
# Whole processes, medians of hyperfine runs (Debian's hyperfine; scipy from python3-scipy), all in one run:
#   a .NET hello world (the runtime's own start-up), `--version`, `laws`, Hoffmann's 4,500-start replication
#   (`fit --law chinchilla --drop-highest 5 --no-scale-holdout`: the work scipy does) and the default fit command
#   (the same plus the scale hold-out, a second 4,500-start fit), from the Release build and from the dotnet tool
#   as `dotnet tool install --add-source` installs it from a fresh pack; then scipy's L-BFGS-B replication once.
# Usage: bash bench/startup.sh [RUNS]   (writes only into the build output and a temporary folder)
# BEFORE=path/to/an/older/scaling-laws also measures that build, side by side. On a shared machine, run the
# measurements at real-time priority with PRIORITY="chrt -f 50" (root); builds run at normal priority.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
data=data/epoch-chinchilla/svg_extracted_data.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), load $(load)"

# The tool: pack (pointer package + linux-x64 ReadyToRun package + portable package) and install it the way a
# user does, from a package cache of its own so that no earlier package of the same version is reused.
# Pack first: a pack rebuilds the output folder without ReadyToRun, the build after it restores the precompiled images.
dotnet pack src/ScalingLaws.Cli -c Release -v q -nologo -o "$work/nupkg" >/dev/null
NUGET_PACKAGES="$work/packages" dotnet tool install ScalingLaws.Cli --tool-path "$work/tool" --add-source "$work/nupkg" >/dev/null
dotnet build src/ScalingLaws.Cli -c Release -v q -nologo >/dev/null
build=src/ScalingLaws.Cli/bin/Release/net10.0/scaling-laws
tool="$work/tool/scaling-laws"
installed=$(find "$work/tool/.store" -maxdepth 3 -mindepth 3 -type d -name 'scalinglaws.cli*' -printf '%f ')
echo "installed tool package: $installed"

# The reference for start-up: a .NET hello world, built the same way (Release, framework-dependent).
mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("Hello, World!");' > "$work/hello/Program.cs"
dotnet build "$work/hello" -c Release -v q -nologo -o "$work/hello/bin" >/dev/null

replication="fit --data $data --law chinchilla --drop-highest 5 --no-scale-holdout"
default="fit --data $data --law chinchilla --drop-highest 5"
before=()
if [ -n "${BEFORE:-}" ]; then
  before=(-n "before version" "$BEFORE --version" -n "before laws" "$BEFORE laws"
          -n "before replication" "$BEFORE $replication" -n "before fit (default)" "$BEFORE $default")
fi
echo "load before the measurements: $(load)"
${PRIORITY:-} hyperfine -N -w 3 -r "$runs" --export-json "$work/hyperfine.json" \
  -n "hello world" "$work/hello/bin/hello" \
  "${before[@]}" \
  -n "version" "$build --version" \
  -n "laws" "$build laws" \
  -n "replication" "$build $replication" \
  -n "fit (default)" "$build $default" \
  -n "tool version" "$tool --version" \
  -n "tool laws" "$tool laws" \
  -n "tool replication" "$tool $replication" >/dev/null
echo "load after the measurements: $(load)"
python3 - "$work/hyperfine.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    cpu = 1000 * (r["user"] + r["system"])
    print(f'{r["command"]:<24} median {1000 * r["median"]:8.1f} ms   min {1000 * r["min"]:8.1f} ms   CPU (user + system, mean) {cpu:7.1f} ms')
PY
scipy=$(${PRIORITY:-} /usr/bin/python3 bench/chinchilla_scipy.py "$data")
echo "$scipy"
# The target: scipy's time over the replication's median, both measured here (≥ 100).
python3 - "$work/hyperfine.json" "${scipy##* }" <<'PY'
import json, sys
medians = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
for name in ("before replication", "replication", "tool replication"):
    if name in medians:
        print(f"scipy / {name}: {float(sys.argv[2]) / medians[name]:.1f}x")
PY
