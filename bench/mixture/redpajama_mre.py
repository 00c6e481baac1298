"""Per-domain summary of a RedPajama 70M-410M -> 1B run (bench/mixture/redpajama.sh).

Usage: redpajama_mre.py LAW FITS.json PREDICTIONS.csv
Prints, per target domain: 1B rows, MRE % = mean |prediction - observed| / observed, the fit's objective,
termination, in-sample MRE %, and the covariance status (available, or the reason it is not); then the
mean over all rows.
"""
import csv
import json
import sys
from collections import defaultdict

law, fits_path, predictions_path = sys.argv[1:4]
document = json.load(open(fits_path))
fits = document.get("fits", [document]) if isinstance(document, dict) else document
by_target = {f["target"]: f for f in fits}
errors = defaultdict(list)
with open(predictions_path, newline="") as handle:
    for row in csv.DictReader(handle):
        observed = float(row["observed"])
        errors[row["target"]].append(abs(float(row["prediction"]) - observed) / observed)
print("law\tdomain\trows_1B\tmre_1B_pct\tobjective\ttermination\tin_sample_mre_pct\tcovariance")
every = []
for target in sorted(errors):
    fit = by_target[target]
    cov = fit["covariance"]
    status = "available" if cov.get("unavailable") is None else "unavailable: " + cov["unavailable"]
    e = errors[target]
    every += e
    print(f"{law}\t{target[len('loss_'):]}\t{len(e)}\t{100 * sum(e) / len(e):.2f}\t{fit['objective']:.9g}\t"
          f"{fit['termination']}\t{100 * fit['inSampleMre']:.2f}\t{status}")
print(f"{law}\tmean\t{len(every)}\t{100 * sum(every) / len(every):.2f}")
