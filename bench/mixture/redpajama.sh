#!/usr/bin/env bash
# The mixture laws on the bundled mixinglaws RedPajama runs as a user runs them: `fit` on 70M–410M (every logged
# step, one fit per Pile domain, default options), then `predict` at 1B, and the mean relative error per domain
# on the 1B rows, with each fit's CPU seconds, termination and whether its covariance is available (else why).
# Usage: [SCALING_LAWS_DLL=built.dll] [STEPS="step == 10000 || step == 20000"] bench/mixture/redpajama.sh [additive|joint ...]
# (needs python3; STEPS, when given, keeps only those checkpoints of the fitted runs; the 1B rows are all scored)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
laws=${*:-additive joint}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dll=${SCALING_LAWS_DLL:-}   # an already built scaling-laws.dll, or build one
if [ -z "$dll" ]; then dotnet build "$repo/src/ScalingLaws.Cli" -c Release -o "$work/cli" > /dev/null; dll="$work/cli/scaling-laws.dll"; fi
cli=(dotnet "$dll")
data="$repo/data/mixinglaws/RedPajama"
fitted="N < 5e8"
if [ -n "${STEPS:-}" ]; then fitted="N < 5e8 && ($STEPS)"; fi
for law in $laws; do
  /usr/bin/time -f "%e %U %S" -o "$work/time" "${cli[@]}" fit --data "$data" --law "mixture-$law" --derive "D=tokens" \
    --target "loss_*" --where "$fitted" --normalize-weights --no-scale-holdout --allow-unconverged --format json -o "$work/$law.json" > /dev/null
  read -r wall user sys < "$work/time"
  "${cli[@]}" predict --fit "$work/$law.json" --data "$data" --derive "D=tokens" --where "N > 5e8" --normalize-weights \
    --format csv -o "$work/$law.csv"
  echo "# $law: fit of every domain in $wall s wall, $user s user, $sys s sys"
  python3 "$here/redpajama_mre.py" "$law" "$work/$law.json" "$work/$law.csv"
done
