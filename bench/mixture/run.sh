#!/usr/bin/env bash
# Side-by-side benchmark of the mixture laws on the 7-domain, 2,400-run synthetic log: the toolkit's
# `fit` with default options (all cores) against scipy's L-BFGS-B from 20 random starts with the same
# loss (scipy_reference.py), one target domain at a time. Prints law, target, toolkit wall and CPU
# (user + sys) seconds, toolkit objective, scipy seconds and scipy objective, and the toolkit's scale hold-out MRE.
# Usage: [SCALING_LAWS_DLL=built.dll] [TARGETS="book cc"] [REFERENCE=none] bench/mixture/run.sh [additive|joint ...]
# (needs python3 with numpy and scipy; REFERENCE=none skips scipy and prints - in its columns)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
laws=${*:-additive joint}
python=$(command -v /usr/bin/python3 || command -v python3)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dll=${SCALING_LAWS_DLL:-}   # an already built scaling-laws.dll, or build one
if [ -z "$dll" ]; then dotnet build "$repo/src/ScalingLaws.Cli" -c Release -o "$work/cli" > /dev/null; dll="$work/cli/scaling-laws.dll"; fi
cli=(dotnet "$dll")
"$here/make-log.sh" "$work/log" "${cli[@]}" 2> /dev/null
printf "law\ttarget\ttoolkit_wall_s\ttoolkit_cpu_s\ttoolkit_objective\tscipy_s\tscipy_objective\ttoolkit_holdout_mre\n"
for law in $laws; do
  for t in ${TARGETS:-arxiv book c4 github cc stackexchange wikipedia}; do
    data="$work/log/$law-$t.csv"
    /usr/bin/time -f "%e %U %S" -o "$work/time" "${cli[@]}" fit --data "$data" --law "mixture-$law" --target "loss_$t" \
      --allow-unconverged --format json -o "$work/fit.json" > /dev/null
    read -r wall user sys < "$work/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    read -r objective holdout < <("$python" -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['objective'], (r.get('scaleHoldOut') or {}).get('mre', '-'))" "$work/fit.json")
    scipy_s=-; scipy_objective=-
    if [ "${REFERENCE:-scipy}" != none ]; then
      read -r _ scipy_s scipy_objective < <("$python" "$here/scipy_reference.py" "$law" "$data" "loss_$t" 2> /dev/null | tail -n 1)
    fi
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$law" "$t" "$wall" "$cpu" "$objective" "$scipy_s" "$scipy_objective" "$holdout"
  done
done
