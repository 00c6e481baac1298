#!/usr/bin/env python3
"""Hoffmann et al.'s Approach 3 replication with scipy, the reference for `scaling-laws fit --law chinchilla`.

L-BFGS-B with the analytic gradient from each of the 4,500 grid starts (alpha, beta, e in 0:2:0.5 / -1:1:0.5,
a, b in 0:25:5), Huber loss (delta = 1e-3) on log L, the 5 runs with the highest loss dropped, as in Besiroglu
et al. (Epoch) 2024. Prints the best parameters and the wall time. Needs only Debian's python3-scipy.
Usage: python3 bench/chinchilla_scipy.py data/epoch-chinchilla/svg_extracted_data.csv
"""
import csv
import itertools
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp

DELTA = 1e-3


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    n = np.array([float(r["Model Size"]) for r in rows])
    d = np.array([float(r["Training FLOP"]) for r in rows]) / (6 * n)
    loss = np.array([float(r["loss"]) for r in rows])
    keep = np.argsort(loss)[: len(loss) - 5]
    return np.log(n[keep]), np.log(d[keep]), np.log(loss[keep])


def objective(p, log_n, log_d, log_l):
    a, b, e, alpha, beta = p
    terms = np.stack([a - alpha * log_n, b - beta * log_d, np.full_like(log_n, e)])
    lse = logsumexp(terms, axis=0)
    r = lse - log_l
    small = np.abs(r) <= DELTA
    value = np.where(small, 0.5 * r * r, DELTA * (np.abs(r) - 0.5 * DELTA)).sum()
    dr = np.where(small, r, DELTA * np.sign(r))
    w = np.exp(terms - lse) * dr
    grad = np.array([w[0].sum(), w[1].sum(), w[2].sum(), -(w[0] * log_n).sum(), -(w[1] * log_d).sum()])
    return value, grad


def main():
    log_n, log_d, log_l = load(sys.argv[1])
    grid = itertools.product(np.arange(0, 30, 5), np.arange(0, 30, 5), np.arange(-1, 1.5, 0.5),
                             np.arange(0, 2.5, 0.5), np.arange(0, 2.5, 0.5))
    start = time.perf_counter()
    best = None
    count = 0
    for a, b, e, alpha, beta in grid:
        count += 1
        res = minimize(objective, [a, b, e, alpha, beta], args=(log_n, log_d, log_l), jac=True, method="L-BFGS-B")
        if best is None or res.fun < best.fun:
            best = res
    elapsed = time.perf_counter() - start
    a, b, e, alpha, beta = best.x
    print(f"starts {count}  objective {best.fun:.10g}  E {np.exp(e):.4f}  A {np.exp(a):.2f}  B {np.exp(b):.2f}  "
          f"alpha {alpha:.4f}  beta {beta:.4f}  seconds {elapsed:.2f}")


if __name__ == "__main__":
    main()
