#!/usr/bin/env python3
"""Writes the design and the true parameters of the 7-domain mixture benchmark log.

Design: 4 model sizes (0.1, 0.3, 0.6, 1.2 B parameters) x 20 mixtures x 30 checkpoints = 2,400 runs.
Mixtures: h = 0.02 + 0.86 * Dirichlet(1, ..., 1), so every share is at least 2 %. Checkpoints of a run
are evenly spaced in D from 1/30 to 1 of its token budget, 40 tokens per parameter.
Truths: one additive and one joint law per target domain, realistic magnitudes (E 0.8-1.8 nats,
A, B ~ 10^2.5, alpha ~ 0.3, beta ~ 0.28, a bias term of 0.3-1 nats that moves by a few tenths across
mixtures; the target domain weighs most in it).
Everything is drawn from a seeded generator, so the files are the same on every machine.
Usage: make_log.py OUT_DIR  (writes design.csv, additive-<domain>.params and joint-<domain>.params)."""
import os
import random
import sys

DOMAINS = ["arxiv", "book", "c4", "github", "cc", "stackexchange", "wikipedia"]
SIZES = [1.0e8, 3.0e8, 6.0e8, 1.2e9]
MIXTURES, CHECKPOINTS, TOKENS_PER_PARAMETER, FLOOR = 20, 30, 40, 0.02


def mixtures(rng):
    rows = []
    for _ in range(MIXTURES):
        g = [rng.expovariate(1.0) for _ in DOMAINS]
        total = sum(g)
        h = [FLOOR + (1 - FLOOR * len(DOMAINS)) * x / total for x in g]
        h[-1] = 1 - sum(h[:-1])
        rows.append(h)
    return rows


def truths(rng, target):
    """Parameters as the toolkit writes the laws: C_i at the uniform share 1/k; the joint law's A_h = A*(h_1 + sum a_i h_i)^gamma_A."""
    e = rng.uniform(0.8, 1.8)
    c = {d: rng.uniform(0.1, 0.6) * (5.0 if d == target else 1.0) for d in DOMAINS}
    g = {d: rng.uniform(0.1, 0.9) for d in DOMAINS}
    alpha, beta = rng.uniform(0.26, 0.36), rng.uniform(0.24, 0.32)
    a, b = 10 ** rng.uniform(2.3, 2.8), 10 ** rng.uniform(2.4, 2.9)
    additive = {"E": e, "A": a, "B": b, "alpha": alpha, "beta": beta}
    additive.update({"C_" + d: c[d] for d in DOMAINS})
    additive.update({"gamma_" + d: g[d] for d in DOMAINS})
    joint = dict(additive)
    joint.update({"a_" + d: rng.uniform(0.6, 1.6) for d in DOMAINS[1:]})
    joint["gamma_A"] = rng.uniform(0.6, 1.4)
    joint.update({"b_" + d: rng.uniform(0.6, 1.6) for d in DOMAINS[1:]})
    joint["gamma_B"] = rng.uniform(0.6, 1.4)
    return additive, joint


def text(params):
    return ",".join(f"{k}={v:.6g}" for k, v in params.items())


def main(out):
    rng = random.Random(20250709)
    os.makedirs(out, exist_ok=True)
    mix = mixtures(rng)
    with open(os.path.join(out, "design.csv"), "w") as f:
        f.write("N,D," + ",".join("h_" + d for d in DOMAINS) + "\n")
        for n in SIZES:
            budget = TOKENS_PER_PARAMETER * n
            for h in mix:
                for c in range(1, CHECKPOINTS + 1):
                    f.write(f"{n:.6g},{budget * c / CHECKPOINTS:.6g}," + ",".join(f"{x:.6f}" for x in h) + "\n")
    for target in DOMAINS:
        additive, joint = truths(rng, target)
        for name, params in (("additive", additive), ("joint", joint)):
            with open(os.path.join(out, f"{name}-{target}.params"), "w") as f:
                f.write(text(params) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
