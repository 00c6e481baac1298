#!/usr/bin/env bash
# Next runs vs random runs for the optimal mixture weights, against known additive mixture laws (docs/design.md).
# Runs exactly what a user runs (`scaling-laws design --simulate`), 20 seeds per setting, then summarises the per-seed
# curves: the median L1 error of the optimal weights after each batch, and the runs each strategy needs until its error
# is at or below a threshold and stays there (median over the seeds) for several thresholds. Two settings: 3 domains
# (figure docs/design-next-weights.png) and 4 domains (docs/design-next-weights-4.png).
# Usage: bash bench/design/next-weights.sh [SEEDS] [THREADS] [CRITERION]   (CRITERION: linearised (default) or ensemble;
# about 100 CPU-seconds for 20 seeds of both settings with the linearised criterion; the result does not depend on THREADS)
set -euo pipefail
cd "$(dirname "$0")/../.."
seeds=${1:-20}
threads=${2:-2}
criterion=${3:-linearised}
out=$(mktemp -d)
trap 'rm -r "$out"' EXIT
dotnet build src/ScalingLaws.Cli -c Release -v q -nologo >/dev/null
cli=src/ScalingLaws.Cli/bin/Release/net10.0/scaling-laws
summarise() {
python3 - "$1" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
counts = sorted({int(r["runs"]) for r in rows})
curve = {}
for r in rows:
    curve.setdefault((r["strategy"], int(r["seed"])), {})[int(r["runs"])] = float(r["error"])
seeds = sorted({s for _, s in curve})
print("runs  median L1 error (next)  median L1 error (random)")
for n in counts:
    print(f"{n:<5} {statistics.median(curve['next', s][n] for s in seeds):<23.3f} {statistics.median(curve['random', s][n] for s in seeds):.3f}")
beyond = counts[-1] + (counts[-1] - counts[-2])
def runs_to_reach(strategy, seed, threshold):
    needed = beyond
    for n in reversed(counts):
        if curve[strategy, seed][n] > threshold: break
        needed = n
    return needed
for threshold in (0.05, 0.075, 0.1, 0.15, 0.2):
    nxt = statistics.median(runs_to_reach("next", s, threshold) for s in seeds)
    rnd = statistics.median(runs_to_reach("random", s, threshold) for s in seeds)
    print(f"L1 error <= {threshold}: next {nxt:g} runs, random {rnd:g} runs ({1 - nxt / rnd:.0%} fewer)")
PY
}
# Setting 1. Truth: Hoffmann et al.'s E, A, B, alpha, beta with a 3-domain bias term whose optimum is inside the simplex
# (0.307, 0.422, 0.271). Candidates: the 66 mixtures of the lattice with resolution 10 at 20M and 100M parameters,
# 20 tokens per parameter (132 runs); 0.3 % noise on the loss; 12 random initial runs, then 24 more in batches of 2.
echo "== 3 domains =="
time "$cli" design --simulate "$seeds" --law mixture-additive --domains h_a,h_b,h_c --lattice 10 \
  --sizes 20M,100M --ratios 20 --target N=1B,D=20B --noise 0.003 \
  --params E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28,C_a=1,C_b=1.5,C_c=0.8,gamma_a=0.5,gamma_b=0.4,gamma_c=0.6 \
  --initial 12 --add 24 --batch 2 --bootstrap 32 --criterion "$criterion" --error 0.1 --threads "$threads" \
  --figure docs/design-next-weights.png --format csv --output "$out/curves3.csv"
summarise "$out/curves3.csv"
# Setting 2. The same size terms with a 4-domain bias term, optimum (0.226, 0.312, 0.199, 0.263); candidates: the 84
# mixtures of the resolution-6 lattice at the same two sizes (168 runs); 14 random initial runs (13 parameters + 1).
echo "== 4 domains =="
time "$cli" design --simulate "$seeds" --law mixture-additive --domains h_a,h_b,h_c,h_d --lattice 6 \
  --sizes 20M,100M --ratios 20 --target N=1B,D=20B --noise 0.003 \
  --params E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28,C_a=1,C_b=1.5,C_c=0.8,C_d=1.2,gamma_a=0.5,gamma_b=0.4,gamma_c=0.6,gamma_d=0.45 \
  --initial 14 --add 24 --batch 2 --bootstrap 32 --criterion "$criterion" --error 0.1 --threads "$threads" \
  --figure docs/design-next-weights-4.png --format csv --output "$out/curves4.csv"
summarise "$out/curves4.csv"
