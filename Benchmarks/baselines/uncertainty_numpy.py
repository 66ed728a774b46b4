"""`gep uncertainty REGION --draws N` in numpy: the baseline for issue #14's Monte Carlo over inputs and prices. It
reads the same files as `account_pandas.py`, draws every uncertain input and price of the model N times, evaluates
the services for all draws and units at once (draws × units × ecosystem types), redraws the draws a service would
refuse (evapotranspiration above P − R on land), and prints each service's and GEP's deterministic value, mean,
median and 5–95 % range in 亿元, as `gep uncertainty` does.

    python3 Benchmarks/baselines/uncertainty_numpy.py REGION.yaml [DRAWS] [SEED]

The draws come from numpy's generator, not GEPKit's, so the figures agree to sampling error, not digit for digit.
Needs numpy, pandas and PyYAML; never needed to build, run or test gep.
"""
import sys

import numpy as np

from account_pandas import load, services


def sampler(uncertainty, baseline, rng, draws):
    """Factors on the value (relative) or the drawn value over the baseline (absolute), shape (draws, 1, 1)."""
    kind = uncertainty["distribution"]
    relative = any(key.startswith("relative") for key in uncertainty)
    get = lambda name: uncertainty["relative-" + name] if relative else uncertainty[name]
    if kind == "normal":
        values = rng.normal(1.0 if relative else get("mean"), get("sd"), draws)
    elif kind == "uniform":
        values = rng.uniform(get("min"), get("max"), draws)
    elif kind == "triangular":
        values = rng.triangular(get("min"), 1.0 if relative else get("mode"), get("max"), draws)
    else:
        raise SystemExit(f"distribution {kind} is not in this baseline")
    values = np.maximum(values, 0.0)                                  # GEPKit bounds these at ≥ 0
    return (values if relative else values / baseline)[:, None, None]


def main():
    region_path = sys.argv[1]
    draws = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = np.random.default_rng(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    context = load(region_path)
    uncertain = {key: (entry["uncertainty"], entry.get("value", 1.0)) for key, entry in context["model"]["inputs"].items() if "uncertainty" in entry}
    uncertain.update({key: (entry["uncertainty"], entry["value"]) for key, entry in context["book"].items() if "uncertainty" in entry})

    factors = {key: sampler(u, value, rng, draws) for key, (u, value) in uncertain.items()}
    result = services(context, lambda key: factors.get(key, 1.0))
    refused = result["refused"]
    while refused.any():                                              # redraw refused draws, as ImpossibleDrawRule does
        count = int(refused.sum())
        for key, (u, value) in uncertain.items():
            factors[key][refused] = sampler(u, value, rng, count)
        result = services(context, lambda key: factors.get(key, 1.0))
        refused = result["refused"]

    deterministic = services(context)["lines"]
    print(f"service, deterministic, mean, median, 5 %, 95 % (亿元), {draws} draws")
    totals = 0.0
    for key, (_, counted, _, _, values) in result["lines"].items():
        per_draw = values.sum(axis=-1) / 1e8
        if counted == "true":
            totals = totals + per_draw
        print(f"{key:20} {deterministic[key][4].sum() / 1e8:8.2f} {per_draw.mean():8.2f} {np.median(per_draw):8.2f} "
              f"{np.percentile(per_draw, 5):8.2f} {np.percentile(per_draw, 95):8.2f}")
    gep = sum(v[4].sum() for v in deterministic.values() if v[1] == "true") / 1e8
    print(f"{'GEP':20} {gep:8.2f} {totals.mean():8.2f} {np.median(totals):8.2f} {np.percentile(totals, 5):8.2f} {np.percentile(totals, 95):8.2f}")


if __name__ == "__main__":
    main()
