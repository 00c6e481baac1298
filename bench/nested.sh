#!/usr/bin/env bash
# CPU time of the nested prediction with a 20-replicate bootstrap on the bundled RedPajama runs (1B, step 100k),
# one thread, as user CPU seconds from GNU time (wall time on a shared machine says little).
# Usage: bash bench/nested.sh   (builds the Release CLI; writes only into the build output)
# BEFORE=path/to/an/older/scaling-laws.dll also measures that build, side by side, on the same command.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/ScalingLaws.Cli -c Release -v q -nologo >/dev/null
args=(predict --nested --data data/mixinglaws/RedPajama --valid-weights data/mixinglaws/valid_weight.json
      --target-scale size=1B,step=100k --step-range 10k:30k --normalize-weights --bootstrap 20 --threads 1)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version)"
if [ -n "${BEFORE:-}" ]; then
  /usr/bin/time -f "before: %U s user CPU, %e s wall" dotnet "$BEFORE" "${args[@]}" >/dev/null 2>/tmp/nested-before.err || true
  tail -1 /tmp/nested-before.err
fi
/usr/bin/time -f "after: %U s user CPU, %e s wall" dotnet src/ScalingLaws.Cli/bin/Release/net10.0/scaling-laws.dll "${args[@]}" >/dev/null 2>/tmp/nested-after.err
tail -1 /tmp/nested-after.err
