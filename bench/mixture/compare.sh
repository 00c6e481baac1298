#!/usr/bin/env bash
# Old-versus-new timing of the mixture laws' default fits on the benchmark log, side by side: for each law,
# target domain and repetition, runs `fit` (default options, no scale hold-out) with two builds of the CLI
# and prints wall, user and system seconds (/usr/bin/time), the objective and the termination.
# Usage: compare.sh OLD_DLL NEW_DLL LOG_DIR REPETITIONS "additive joint" "arxiv book ..."
# (LOG_DIR from make-log.sh; the DLLs from `dotnet build src/ScalingLaws.Cli -c Release -o DIR` of each commit).
set -euo pipefail
old=${1:?old dll}; new=${2:?new dll}; log=${3:?log dir}; reps=${4:-3}
laws=${5:-additive joint}
targets=${6:-arxiv book c4 github cc stackexchange wikipedia}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf "law\ttarget\tbuild\trep\twall_s\tuser_s\tsys_s\tobjective\ttermination\n"
for law in $laws; do
  for t in $targets; do
    for rep in $(seq 1 "$reps"); do
      for build in old new; do
        dll=$old; [ "$build" = new ] && dll=$new
        /usr/bin/time -f "%e %U %S" -o "$work/time" dotnet "$dll" fit --data "$log/$law-$t.csv" --law "mixture-$law" \
          --target "loss_$t" --no-scale-holdout --allow-unconverged --format json -o "$work/fit.json" > /dev/null
        read -r wall user sys < "$work/time"
        read -r objective termination < <(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(repr(r['objective']), r['termination'])" "$work/fit.json")
        printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$law" "$t" "$build" "$rep" "$wall" "$user" "$sys" "$objective" "$termination"
      done
    done
  done
done
