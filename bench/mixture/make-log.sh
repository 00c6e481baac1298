#!/usr/bin/env bash
# Builds the 7-domain mixture benchmark log: design and truths from make_log.py, losses from the
# toolkit's own `simulate` (0.5 % multiplicative noise, seed 1). Usage: make-log.sh OUT_DIR [CLI...]
# CLI defaults to `dotnet run --project src/ScalingLaws.Cli -c Release --`.
set -euo pipefail
out=${1:?usage: make-log.sh OUT_DIR [CLI...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then set -- dotnet run --project "$here/../../src/ScalingLaws.Cli" -c Release --; fi
python3 "$here/make_log.py" "$out"
domains=h_arxiv,h_book,h_c4,h_github,h_cc,h_stackexchange,h_wikipedia
for law in additive joint; do
  for t in arxiv book c4 github cc stackexchange wikipedia; do
    "$@" simulate --law "mixture-$law" --domains "$domains" --params "$(cat "$out/$law-$t.params")" \
      --design "$out/design.csv" --noise 0.005 --seed 1 --target "loss_$t" --out "$out/$law-$t.csv" > /dev/null
  done
done
