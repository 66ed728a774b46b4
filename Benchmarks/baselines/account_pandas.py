"""The GEP account of a region model with its units in a CSV table (`units-file:`), in pandas and numpy: the honest
baseline for `gep account` at 10⁴ and 10⁵ units (issue #14). It reads the same files and does the same arithmetic
for the services the bundled Genhe model runs (water conservation, soil retention, flood regulation over marshes,
carbon sink and oxygen release by NEP), then prints GEP; with --csv OUT it writes the table `gep account --format csv`
writes (one row per unit and service, then the region totals), so that the two are timed doing the same work; with
--check REPORT.json it prints the largest relative gap to GEPKit's per-unit GEP.

    python3 Benchmarks/baselines/account_pandas.py REGION.yaml [--csv OUT.csv] [--check REPORT.json]

Only the units and unit spellings these files use are known to it: it is a benchmark, not a second implementation.
Needs pandas and PyYAML (pip install pandas pyyaml); never needed to build, run or test gep.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import yaml

# Base units as GEPKit stores them: m, m², m³, t, t/m², 元.
FACTOR = {"mm": 1e-3, "m": 1.0, "%": 1e-2, "": 1.0, "km²": 1e6, "gC/m²": 1e-6, "g/m²": 1e-6, "t/m³": 1.0,
          "MJ·mm/(ha·h·a)": 1.0, "t·ha·h/(ha·MJ·mm)": 1.0, "元/m³": 1.0, "元/t": 1.0}
GROUP = {"deciduous-needleleaf-forest": "forest", "deciduous-broadleaf-forest": "forest", "evergreen-needleleaf-forest": "forest",
         "shrubland": "shrubland", "meadow": "grassland", "marsh": "wetland", "river": "water", "lake": "water",
         "reservoir": "water", "cropland": "cropland", "built-up": "built-up"}
VEGETATED = {"forest", "shrubland", "grassland", "wetland", "cropland"}


def by_type(entry, types):
    """An input as a vector over `types`, in base units (a single value applies to every type)."""
    factor = FACTOR[entry.get("unit", "")]
    if "by-ecosystem-type" in entry:
        values = entry["by-ecosystem-type"]
        return np.array([values.get(t, np.nan) * factor for t in types])
    return np.full(len(types), entry["value"] * factor)


def single(entry):
    return entry["value"] * FACTOR[entry.get("unit", "")]


def load(region_path):
    """The model's units, areas (units × types, m²), inputs, prices at report-year prices and report year."""
    folder = os.path.dirname(region_path)
    with open(region_path, encoding="utf-8") as f:
        model = yaml.safe_load(f)
    with open(os.path.join(folder, model["prices"]), encoding="utf-8") as f:
        book = yaml.safe_load(f)["prices"]
    with open(os.path.join(folder, model["deflator"]), encoding="utf-8") as f:
        deflator = yaml.safe_load(f)
    index, level = {deflator["base-year"]: 100.0}, 100.0
    for year in sorted(deflator["change-on-previous-year"]):
        level = level * deflator["change-on-previous-year"][year] / 100
        index[year] = level
    report_year = model.get("report-year", model["year"])

    def price(key):
        entry = book[key]
        return entry["value"] * index[report_year] / index[entry["year"]] if entry["year"] != report_year else entry["value"]

    units = pd.read_csv(os.path.join(folder, model["units-file"]["path"]))
    area_column = next(c for c in units.columns if c.startswith("area"))
    shares = model["ecosystem-shares"]["by-ecosystem-type"]
    types = sorted(shares, key=list(GROUP).index)
    share = np.array([shares[t] for t in types]) * FACTOR[model["ecosystem-shares"]["unit"]]
    total = units[area_column].to_numpy() * FACTOR[area_column.split("[")[1].rstrip("]").strip()]
    area = np.outer(total, share)                                     # units × types, m²
    rain_column = next((c for c in units.columns if c.startswith("precipitation")), None)
    rain = None if rain_column is None else units[rain_column].to_numpy() * 1e-3
    return dict(model=model, book=book, units=units, types=types, area=area, rain=rain, price=price, report_year=report_year)


def services(context, scale=lambda key: 1.0):
    """Each service's (physical amount, value) per unit: arrays over units, or draws × units when `scale(key)` gives
    each input's or price's factor per draw as a (draws, 1, 1) array."""
    model, types, area, price = context["model"], context["types"], context["area"], context["price"]
    inputs = model["inputs"]

    def per_unit(key):
        """A factor for sums over types: (draws, 1) when drawn."""
        factor = scale(key)
        return np.asarray(factor)[..., 0] if np.ndim(factor) else factor

    p = np.full(area.shape, single(inputs["precipitation"])) * scale("precipitation")
    if context["rain"] is not None:
        rain = context["rain"]
        p = np.where(np.isnan(rain)[:, None], p, rain[:, None])

    # Water conservation: A·(P − P·α − ET), zero on inflow-fed water and marsh where negative.
    depth = p - p * by_type(inputs["runoff-coefficient"], types) - by_type(inputs["evapotranspiration"], types) * scale("evapotranspiration")
    wet = np.array([GROUP[t] in ("water", "wetland") for t in types])
    refused = (depth[..., ~wet] < 0).any(axis=(-2, -1))
    water_q = (np.where(depth < 0, 0.0, depth) * area).sum(axis=-1)
    water = water_q * price("reservoir-construction-cost") * per_unit("reservoir-construction-cost")

    # Soil retention: A·R·K·LS·(1 − C·P) in t (R·K in t/ha = 10⁻⁴ t/m²), then siltation, N and P.
    land = np.array([GROUP[t] != "water" for t in types])
    rk = single(inputs["rainfall-erosivity"]) * single(inputs["soil-erodibility"]) * 1e-4
    potential = rk * single(inputs["slope-length-steepness"])
    cp = by_type(inputs["cover-management"], types) * by_type(inputs["support-practice"], types)
    soil = (np.where(land, potential * (1 - cp), 0.0) * area).sum(axis=1)
    soil_value = (soil * single(inputs["sediment-deposition-ratio"]) / single(inputs["soil-bulk-density"]) * price("dredging-cost")
                  + soil * single(inputs["soil-nitrogen-content"]) * price("nitrogen-removal-cost")
                  + soil * single(inputs["soil-phosphorus-content"]) * price("phosphorus-removal-cost"))

    # Flood regulation: marsh depth × marsh area (no lakes or reservoirs in these files).
    marsh = area[:, types.index("marsh")] if "marsh" in types else np.zeros(len(area))
    flood_q = single(inputs["marsh-retention-depth"]) * marsh
    flood = flood_q * price("reservoir-construction-cost") * per_unit("reservoir-construction-cost")

    # Carbon sink by NEP over vegetated types; oxygen release reported, not summed.
    vegetated = np.array([GROUP[t] in VEGETATED for t in types])
    nep = np.nan_to_num(by_type(inputs["nep"], types)) * scale("nep")
    carbon = (np.where(vegetated, nep, 0.0) * area).sum(axis=-1)
    co2_q, o2_q = carbon * 44 / 12, carbon * 32 / 12
    return dict(refused=refused, lines={
        "water-conservation": ("water-balance", "true", water_q, "m³", water),
        "soil-retention": ("rusle", "true", soil, "t", soil_value),
        "flood-regulation": ("storage-capacity", "true", flood_q, "m³", flood),
        "carbon-sink": ("nep", "true", co2_q, "t", co2_q * price("carbon-price") * per_unit("carbon-price")),
        "oxygen-release": ("nep", "false", o2_q, "t", o2_q * price("oxygen-price"))})


def main():
    region_path = sys.argv[1]
    context = load(region_path)
    units, report_year = context["units"], context["report_year"]
    lines = services(context)["lines"]
    water, soil_value, flood, co2 = (lines[k][4] for k in ("water-conservation", "soil-retention", "flood-regulation", "carbon-sink"))
    gep = water + soil_value + flood + co2
    print(f"units {len(units)}, GEP {gep.sum():.6e} 元")
    options = dict(zip(sys.argv[2::2], sys.argv[3::2]))
    if "--csv" in options:
        rows = [(key, *value) for key, value in lines.items()]   # service, method, counted, amount, unit, value
        n, k = len(units), len(rows)
        area_column = next(c for c in units.columns if c.startswith("area"))
        area_km2 = units[area_column].to_numpy() * FACTOR[area_column.split("[")[1].rstrip("]").strip()] / 1e6
        table = pd.DataFrame({
            "level": "unit",
            "unit": np.repeat(units["id"].to_numpy(), k),
            "name": np.repeat(units["name"].to_numpy(), k),
            "local_name": np.repeat(units["local-name"].to_numpy(), k) if "local-name" in units else "",
            "area_km2": np.repeat(area_km2, k),
            "service": np.tile([s[0] for s in rows], n),
            "category": "regulating",
            "method": np.tile([s[1] for s in rows], n),
            "in_total": np.tile([s[2] for s in rows], n),
            "physical_amount": np.column_stack([s[3] for s in rows]).ravel(),
            "physical_unit": np.tile([s[4] for s in rows], n),
            "value_yuan": np.column_stack([s[5] for s in rows]).ravel(),
            "price_year": report_year})
        region = context["model"]["region"]
        totals = pd.DataFrame({
            "level": "region", "unit": region["id"], "name": region["name"], "local_name": region.get("local-name", ""),
            "area_km2": area_km2.sum(), "service": [s[0] for s in rows] + ["GEP"],
            "category": ["regulating"] * k + [""], "method": [s[1] for s in rows] + [""],
            "in_total": [s[2] for s in rows] + ["true"],
            "physical_amount": [s[3].sum() for s in rows] + [None],
            "physical_unit": [s[4] for s in rows] + [""],
            "value_yuan": [s[5].sum() for s in rows] + [gep.sum()], "price_year": report_year})
        pd.concat([table, totals]).to_csv(options["--csv"], index=False, lineterminator="\r\n")
    if "--check" in options:
        with open(options["--check"], encoding="utf-8") as f:
            report = json.load(f)
        gepkit = np.array([u["gepYuan"] for u in report["units"]])
        print(f"largest relative gap to GEPKit per unit: {np.max(np.abs(gep - gepkit) / np.abs(gepkit)):.2e}")


if __name__ == "__main__":
    main()
