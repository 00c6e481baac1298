#!/usr/bin/env python3
"""Reference fit of the toolkit's mixture laws with scipy: L-BFGS-B from 20 random starts, the same loss.

Loss: sum_i Huber_delta(f_i - y_i), delta = 1e-3 (the toolkit's objective for huber:0.001 on linear
residuals). Laws as the toolkit writes them (docs/laws.md):
  additive: E + 1/sum_i C_i (k h_i)^g_i + A/N^alpha + B/D^beta
  joint:    E + 1/sum_i C_i (k h_i)^g_i + A (h_1 + sum_{i>=2} a_i h_i)^gA/N^alpha + B (h_1 + sum b_i h_i)^gB/D^beta
Starts: uniform in the toolkit recipe's ranges (E in [0, min y], A, B in [1, 1000], alpha, beta in
[0.05, 1], C_i in [0.1, 10], gamma_i in [0, 2], a_i, b_i in [0.5, 2], gamma_A, gamma_B in [0, 2]), seed 0;
bounds as the toolkit's. Analytic gradients. Prints: target, seconds, best objective.
Usage: scipy_reference.py additive|joint FILE.csv TARGET"""
import sys
import time

import numpy as np
from scipy.optimize import minimize

DELTA = 1e-3


def load(path, target):
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    cols = {name: data[:, i] for i, name in enumerate(header)}
    domains = [c for c in header if c.startswith("h_")]
    return cols["N"], cols["D"], np.column_stack([cols[d] for d in domains]), cols[target]


def model(law, theta, n, d, h):
    """Values and Jacobian (rows x parameters)."""
    k = h.shape[1]
    e, a, b, alpha, beta = theta[:5]
    c, g = theta[5:5 + k], theta[5 + k:5 + 2 * k]
    u = k * h
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        logu = np.where(u > 0, np.log(np.where(u > 0, u, 1.0)), 0.0)
        power = np.where((u > 0) | (g == 0), u ** g, 0.0)
    s = power @ c
    jac = np.zeros((len(n), len(theta)))
    jac[:, 0] = 1
    jac[:, 5:5 + k] = -power / s[:, None] ** 2
    jac[:, 5 + k:5 + 2 * k] = -(c * power * logu) / s[:, None] ** 2
    logn, logd = np.log(n), np.log(d)
    if law == "additive":
        sa, sb = np.ones_like(n), np.ones_like(n)
        ga = gb = 0.0
    else:
        ra = theta[5 + 2 * k:4 + 3 * k]
        ga = theta[4 + 3 * k]
        rb = theta[5 + 3 * k:4 + 4 * k]
        gb = theta[4 + 4 * k]
        sa = h[:, 0] + h[:, 1:] @ ra
        sb = h[:, 0] + h[:, 1:] @ rb
    share_a = sa ** ga * np.exp(-alpha * logn)
    share_b = sb ** gb * np.exp(-beta * logd)
    model_term, data_term = a * share_a, b * share_b
    jac[:, 1], jac[:, 2] = share_a, share_b
    jac[:, 3], jac[:, 4] = -model_term * logn, -data_term * logd
    if law == "joint":
        jac[:, 5 + 2 * k:4 + 3 * k] = (model_term * ga / sa)[:, None] * h[:, 1:]
        jac[:, 4 + 3 * k] = model_term * np.log(sa)
        jac[:, 5 + 3 * k:4 + 4 * k] = (data_term * gb / sb)[:, None] * h[:, 1:]
        jac[:, 4 + 4 * k] = data_term * np.log(sb)
    return e + 1 / s + model_term + data_term, jac


def ranges(law, k, ymin):
    lo = [0, 1, 1, 0.05, 0.05] + [0.1] * k + [0] * k
    hi = [ymin, 1000, 1000, 1, 1] + [10] * k + [2] * k
    bounds = [(0, None)] * 5 + [(0, None)] * k + [(0, 5)] * k
    if law == "joint":
        lo += [0.5] * (k - 1) + [0] + [0.5] * (k - 1) + [0]
        hi += [2] * (k - 1) + [2] + [2] * (k - 1) + [2]
        bounds += [(0, None)] * (k - 1) + [(None, None)] + [(0, None)] * (k - 1) + [(None, None)]
    return np.array(lo), np.array(hi), bounds


def fit(law, path, target, starts=20, seed=0):
    n, d, h, y = load(path, target)

    def objective(theta):
        with np.errstate(all="ignore"):
            f, jac = model(law, theta, n, d, h)
        r = f - y
        if not np.all(np.isfinite(r)):
            return 1e300, np.zeros_like(theta)
        a = np.abs(r)
        value = np.where(a <= DELTA, 0.5 * r * r, DELTA * a - 0.5 * DELTA * DELTA).sum()
        return value, jac.T @ np.clip(r, -DELTA, DELTA)

    lo, hi, bounds = ranges(law, h.shape[1], y.min())
    rng = np.random.default_rng(seed)
    best = np.inf
    clock = time.perf_counter()
    for _ in range(starts):
        x0 = lo + rng.random(len(lo)) * (hi - lo)
        result = minimize(objective, x0, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 15000})
        best = min(best, result.fun)
    return time.perf_counter() - clock, best


if __name__ == "__main__":
    law, path, target = sys.argv[1:4]
    seconds, best = fit(law, path, target)
    print(f"{target}\t{seconds:.1f}\t{best:.10g}")
