"""Compensation schemes side by side in pandas and numpy: the honest baseline for `gep compare-schemes` at 10⁴ and
10⁵ units (issue #14). It reads the same files (a compensation model whose units come from a `units-file:` table, on
a region model whose units come from one too), computes each unit's GEP and water conserved as `account_pandas.py`
does, runs the six schemes the benchmark file configures (gep-share, opportunity-cost, area-rates, ahp,
entropy-topsis, optimised), their metrics (Gini, coefficient of variation, compensation/GEP, compensation/opportunity
cost, Spearman's ρ between every two schemes) and writes the table `gep compare-schemes --format csv` writes, with
the same explanations, so that the two are timed doing the same work; with --check GEP.csv it prints the largest
relative gap to GEPKit's amounts, scheme by scheme.

    python3 Benchmarks/baselines/compare_pandas.py COMPENSATION.yaml [--csv OUT.csv] [--check GEP.csv]

Only what the benchmark file uses is known to it (money in 元, 万元 or 亿元 at the report year's prices, areas in 亩 or
万亩, caps and floors in 元 or 万元): it is a benchmark, not a second implementation. Needs numpy, pandas and PyYAML.
"""
import os
import sys
from fractions import Fraction

import numpy as np
import pandas as pd
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from account_pandas import load, services  # noqa: E402

MONEY = {"元": 1.0, "万元": 1e4, "亿元": 1e8}
AREA_MU = {"亩": 1.0, "万亩": 1e4}           # in 亩
SUMMARY = {
    "gep-share": "budget split in proportion to each unit's GEP",
    "opportunity-cost": "budget split in proportion to each unit's forgone income",
    "area-rates": "a rate per area of each management regime (e.g. 禁牧 7.5 元/亩, 草畜平衡 2.5 元/亩)",
    "ahp": "AHP-weighted composite of normalised indicators (weights from the principal eigenvector)",
    "entropy-topsis": "TOPSIS closeness to the ideal unit, indicators weighted by entropy",
}
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def g(value):
    """sixFigures: C's %.6g."""
    return "%.6g" % value


def name_and_unit(header):
    if header.endswith("]") and "[" in header:
        name, unit = header[:-1].rsplit("[", 1)
        return name.strip(), unit.strip()
    return header, ""


def proportional(budget, weights):
    return budget * weights / weights.sum()


def gep_share_like(key, values, budget):
    total = values.sum()
    amounts = proportional(budget, values)
    explanations = [f"{key} {g(v)} of {g(total)} = {v / total * 100:.2f} % of the budget" for v in values]
    return amounts, explanations


def shares(values, direction):
    oriented = values if direction == "benefit" else values.max() - values
    return oriented / oriented.sum()


def min_max(values, direction):
    low, high = values.min(), values.max()
    if high <= low:
        return np.zeros_like(values)
    return (values - low) / (high - low) if direction == "benefit" else (high - values) / (high - low)


def ahp_weights(pairwise):
    values, vectors = np.linalg.eig(pairwise)
    k = int(np.argmax(values.real))
    vector = vectors[:, k].real
    return vector / vector.sum()


def entropy_topsis(columns):
    m = columns.shape[0]
    epsilon = 1e-12
    p = (columns + epsilon) / (columns + epsilon).sum(axis=0)
    entropy = -(p * np.log(p)).sum(axis=0) / np.log(m)
    divergence = 1 - entropy
    weights = divergence / divergence.sum()
    weighted = columns * weights
    to_best = np.sqrt(((weighted - weighted.max(axis=0)) ** 2).sum(axis=1))
    to_worst = np.sqrt(((weighted - weighted.min(axis=0)) ** 2).sum(axis=1))
    total = to_best + to_worst
    return np.where(total > 0, to_worst / np.where(total > 0, total, 1), 0.0)


def optimised(target, weights, budget, floors, caps):
    """min Σ w (x − t)² subject to Σ x = B and floors ≤ x ≤ caps: the same active-set loop as GEPKit's, each inner
    problem in closed form (x = t + λ/(2w))."""
    n = len(target)
    state = np.zeros(n, dtype=np.int8)     # 0 free, 1 at floor, 2 at cap
    x = target.copy()
    tolerance = 1e-12 * max(1.0, abs(budget))
    for _ in range(4 * n + 4):
        free = state == 0
        x = np.where(state == 1, floors, np.where(state == 2, caps, x))
        remaining = budget - x[~free].sum()
        lam = 0.0
        if free.any():
            lam = 2 * (remaining - target[free].sum()) / (1 / weights[free]).sum()
            x[free] = target[free] + lam / (2 * weights[free])
        violation = free & (np.maximum(floors - x, x - caps) > tolerance)
        if violation.any():
            state[violation] = np.where(x[violation] < floors[violation], 1, 2)
            continue
        if not free.any():
            raise SystemExit("every unit at a bound: not in the benchmark file")
        gradient_floor = 2 * weights * (floors - target)
        gradient_cap = 2 * weights * (caps - target)
        slack = 1e-12 * max(1.0, abs(lam))
        released = ((state == 1) & (gradient_floor < lam - slack)) | ((state == 2) & (gradient_cap > lam + slack))
        if not released.any():
            return x
        state[released] = 0
    raise SystemExit("the active-set search did not settle")


def gini(values):
    total = values.sum()
    if total == 0:
        return 0.0
    n = len(values)
    ranks = np.arange(1, n + 1)
    return float(((2 * ranks - n - 1) * np.sort(values)).sum() / (n * total))


def coefficient_of_variation(values):
    largest = np.abs(values).max()
    if not (largest > 0 and np.isfinite(largest)):
        return 0.0
    scaled = values / largest
    mean = scaled.mean()
    return float(scaled.std() / mean) if mean != 0 else 0.0


def main():
    path = sys.argv[1]
    options = dict(zip(sys.argv[2::2], sys.argv[3::2]))
    folder = os.path.dirname(path)
    with open(path, encoding="utf-8") as f:
        model = yaml.load(f, Loader=Loader)
    region_path = os.path.join(folder, model["region"])
    context = load(region_path)
    lines = services(context)["lines"]
    gep = sum(lines[k][4] for k in ("water-conservation", "soil-retention", "flood-regulation", "carbon-sink"))
    water = lines["water-conservation"][2]
    report_year = context["report_year"]
    units = context["units"]
    n = len(units)
    area_km2 = context["area"].sum(axis=1) / 1e6
    budget_entry = model["budget"]
    assert budget_entry["year"] == report_year, "the benchmark's budget is at report-year prices"
    budget = budget_entry["value"] * MONEY[budget_entry["unit"]]

    # Indicators and regime areas from the units table, in the order of the region's units.
    entry = model["units-file"]
    table = pd.read_csv(os.path.join(folder, entry["path"]))
    table = table.set_index(table["id"].astype(str)).reindex(units["id"].astype(str))
    indicators = {"gep": gep, "area": area_km2, "service:water-conservation": water}
    directions = {"gep": "benefit", "area": "benefit", "service:water-conservation": "benefit"}
    regimes = {}
    for key, spec in (model.get("indicators") or {}).items():
        directions[key] = spec.get("direction", "benefit")
    for column in table.columns:
        name, unit = name_and_unit(column)
        if name == "id":
            continue
        if name.startswith("regime:"):
            regimes[name[len("regime:"):]] = table[column].to_numpy(dtype=float) * AREA_MU[unit]
        else:
            assert entry["year"] == report_year, "the benchmark's money is at report-year prices"
            indicators[name] = table[column].to_numpy(dtype=float) * MONEY[unit]

    allocations = {}     # scheme → (amounts, explanations)
    schemes = model["schemes"]
    for scheme, spec in schemes.items():
        if scheme == "gep-share":
            allocations[scheme] = gep_share_like("gep", indicators["gep"], budget)
        elif scheme == "opportunity-cost":
            allocations[scheme] = gep_share_like("opportunity-cost", indicators["opportunity-cost"], budget)
        elif scheme == "area-rates":
            amounts = np.zeros(n)
            parts = [[] for _ in range(n)]
            for regime in sorted(regimes):
                rate = spec["rates"][regime]
                assert rate["unit"] == "元/亩"
                mu = np.nan_to_num(regimes[regime])
                amounts += rate["value"] * mu
                present = ~np.isnan(regimes[regime])
                for i in np.flatnonzero(present):
                    parts[i].append(f"{regime} {g(mu[i])} 亩 × {g(rate['value'])} 元/亩")
            allocations[scheme] = (amounts, [" + ".join(p) if p else "no area under a compensated regime" for p in parts])
        elif scheme == "ahp":
            pairwise = np.array([[float(Fraction(str(v))) for v in row] for row in spec["pairwise"]])
            weights = ahp_weights(pairwise)
            composite = sum(w * shares(indicators[k], directions.get(k, "benefit")) for w, k in zip(weights, spec["indicators"]))
            allocations[scheme] = (proportional(budget, composite), [f"composite index {c:.4f}" for c in composite])
        elif scheme == "entropy-topsis":
            columns = np.column_stack([min_max(indicators[k], directions.get(k, "benefit")) for k in spec["indicators"]])
            closeness = entropy_topsis(columns)
            allocations[scheme] = (proportional(budget, closeness), [f"closeness {c:.4f}" for c in closeness])
        elif scheme == "optimised":
            goal = allocations[spec["target"]][0]
            ids = units["id"].astype(str).tolist()
            position = {u: i for i, u in enumerate(ids)}
            floors, caps = np.zeros(n), np.full(n, np.finfo(float).max / 4)
            for key, bound in (("floors", floors), ("caps", caps)):
                for unit, value in (spec.get(key) or {}).items():
                    bound[position[unit]] = value["value"] * MONEY[value["unit"]]
            weights = np.ones(n)
            for unit, weight in (spec.get("weights") or {}).items():
                weights[position[unit]] = weight
            x = optimised(goal, weights, budget, floors, caps)
            at_floor = np.abs(x - floors) <= 1e-9 * np.maximum(1, floors)
            at_cap = np.abs(x - caps) <= 1e-9 * np.maximum(1, caps)
            SUMMARY["optimised"] = f"closest to {spec['target']} in weighted least squares, within floors and caps (dgglse, active set)"
            allocations[scheme] = (x, [f"target {g(t)}, allocated {g(a)}" + (" (at its floor)" if f else " (at its cap)" if c else "")
                                       for t, a, f, c in zip(goal, x, at_floor, at_cap)])
        else:
            raise SystemExit(f"scheme {scheme} is not in this baseline")

    ids = list(allocations)
    ranks = {s: pd.Series(allocations[s][0]).rank(method="average").to_numpy() for s in ids}
    rho = {}
    for a in ids:
        for b in ids:
            if a != b:
                ra, rb = ranks[a] - ranks[a].mean(), ranks[b] - ranks[b].mean()
                denominator = np.sqrt((ra * ra).sum() * (rb * rb).sum())
                rho[a, b] = repr(float((ra * rb).sum() / denominator)) if denominator > 0 else ""
    gep_total, oc_total = indicators["gep"].sum(), indicators.get("opportunity-cost", np.array([np.nan])).sum()
    print(f"units {n}, schemes {len(ids)}")

    if "--csv" in options:
        header = ["level", "scheme", "unit", "name", "local_name", "amount_yuan", "per_km2_yuan", "gini", "coefficient_of_variation",
                  "compensation_to_gep", "compensation_to_opportunity_cost"] + [f"spearman_{s}" for s in ids] + ["price_year", "explanation"]
        frames = []
        blank = [""] * (4 + len(ids))
        for s in ids:
            amounts, explanations = allocations[s]
            per_km2 = np.where(area_km2 > 0, amounts / np.where(area_km2 > 0, area_km2, 1), np.nan)
            frame = pd.DataFrame({"level": "unit", "scheme": s, "unit": units["id"].to_numpy(), "name": units["name"].to_numpy(),
                                  "local_name": units["local-name"].to_numpy() if "local-name" in units else "",
                                  "amount_yuan": amounts, "per_km2_yuan": per_km2})
            for column, value in zip(header[7:-2], blank):
                frame[column] = value
            frame["price_year"] = report_year
            frame["explanation"] = explanations
            frames.append(frame)
        rows = []
        for s in ids:
            amounts = allocations[s][0]
            total = amounts.sum()
            rows.append(["scheme", s, "", "", "", repr(float(total)), "", repr(gini(amounts)), repr(coefficient_of_variation(amounts)),
                         repr(float(total / gep_total)), repr(float(total / oc_total))]
                        + ["1" if s == t else rho[s, t] for t in ids] + [report_year, SUMMARY[s]])
        table = pd.concat(frames + [pd.DataFrame(rows, columns=header)])
        table.to_csv(options["--csv"], index=False, lineterminator="\r\n")

    if "--check" in options:
        theirs = pd.read_csv(options["--check"], comment="#")
        theirs = theirs[theirs["level"] == "unit"]
        for s in ids:
            gepkit = theirs[theirs["scheme"] == s]["amount_yuan"].to_numpy()
            ours = allocations[s][0]
            gap = np.max(np.abs(ours - gepkit) / np.maximum(np.abs(gepkit), 1e-300))
            print(f"{s}: largest relative gap to GEPKit {gap:.2e}")


if __name__ == "__main__":
    main()
