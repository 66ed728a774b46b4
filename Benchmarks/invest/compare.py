#!/usr/bin/env python3
"""GEPKit against natcap.invest 3.20 on the same inputs: carbon storage and sequestration, and annual water yield.

Generates a synthetic, Genhe-like set (SIZE × SIZE pixels of 30 m in UTM 51N: larch and birch forest, meadow,
marsh, a river and a town; smooth precipitation, ET₀, soil depth and PAWC fields; a corner outside the study area
and a patch without precipitation data; a second land-cover map ten years on, with a burnt patch, birch where
larch was, and a town grown into meadow), runs InVEST's `carbon` (storage alone, then with sequestration between the
maps) and `annual_water_yield` and GEPKit's `gep-raster`
on it, each as a whole process timed by /usr/bin/time -v, and compares the outputs pixel by pixel: nodata masks, the
largest relative difference on pixels both tools computed, and the time and peak-memory ratios.

Continuous inputs are written as 64-bit floats: with 32-bit inputs InVEST computes the Budyko term in single
precision (numpy keeps float32), which alone differs from double precision by about 1e-6; with 64-bit inputs both
tools compute in double precision except where InVEST stores Kc, root depth and fractp as float32 (about 1e-7).

Usage: compare.py GEP_RASTER MODELS_DIR WORK_DIR [SIZE]  (run by run.sh inside InVEST's virtual environment).
"""
import json
import math
import os
import re
import subprocess
import sys
import time

import numpy
from osgeo import gdal, ogr, osr

gdal.UseExceptions()

GEP_RASTER, MODELS, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
SIZE = int(sys.argv[4]) if len(sys.argv) > 4 else 4000
PIXEL = 30.0
ORIGIN = (400_000.0, 5_650_000.0)
SEASONALITY = 4.0

# InVEST's own tables: lucode, a name, and the columns its models read.
BIOPHYSICAL = """lucode,lulc_name,lulc_veg,root_depth,Kc
1,larch forest,1,2500,0.85
2,birch forest,1,2200,0.9
3,meadow,1,1200,0.65
4,marsh,0,1,1.1
5,river,0,1,1.05
6,town,0,1,0.3
"""
CARBON_POOLS = """lucode,LULC_Name,c_above,c_below,c_soil,c_dead
1,larch forest,58.7,14.1,96.3,6.2
2,birch forest,47.2,11.8,88.4,4.9
3,meadow,2.1,7.4,62.5,0.8
4,marsh,3.4,5.2,240.6,1.1
5,river,0,0,0,0
6,town,1.2,0.5,18.0,0
"""
TYPES = {1: "deciduous-needleleaf-forest", 2: "deciduous-broadleaf-forest", 3: "meadow", 4: "marsh", 5: "river", 6: "built-up"}


def write_raster(path, array, nodata, data_type):
    driver = gdal.GetDriverByName("GTiff")
    dataset = driver.Create(path, SIZE, SIZE, 1, data_type,
                            ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=LZW"])
    dataset.SetGeoTransform((ORIGIN[0], PIXEL, 0, ORIGIN[1], 0, -PIXEL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32651)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array)
    dataset = None


def generate():
    """The inputs, row block by row block so memory stays small."""
    n = SIZE
    y, x = numpy.mgrid[0:n, 0:n].astype(numpy.float64)
    river = n / 2 + n / 8 * numpy.sin(y / n * 3 * math.pi)
    distance = numpy.abs(x - river)
    texture = numpy.sin(x * 0.07) + numpy.cos(y * 0.05) + numpy.sin((x + y) * 0.03)
    lulc = numpy.where(texture > 0.9, 3, numpy.where(texture < -1.3, 2, 1)).astype(numpy.int32)
    lulc[distance < 6 + 3 * numpy.sin(y / 17)] = 4
    lulc[distance < 2] = 5
    lulc[(x > 0.8 * n) & (y > 0.8 * n) & (texture > 0.5)] = 6
    lulc[x + y < n / 10] = 0  # outside the study area
    write_raster(os.path.join(WORK, "lulc.tif"), lulc, 0, gdal.GDT_Int32)
    alternative = lulc.copy()
    alternative[(lulc == 1) & (texture > 0.6)] = 2  # birch after larch
    alternative[(lulc == 1) & ((x - 0.3 * n) ** 2 + (y - 0.6 * n) ** 2 < (0.08 * n) ** 2)] = 3  # a burnt patch, now meadow
    alternative[(lulc == 3) & (x > 0.75 * n) & (y > 0.75 * n)] = 6  # the town grown
    write_raster(os.path.join(WORK, "lulc_alt.tif"), alternative, 0, gdal.GDT_Int32)
    precipitation = 470 + 60 * y / n + 15 * numpy.sin(x / 50)
    precipitation[(x > 0.3 * n) & (x < 0.32 * n) & (y > 0.5 * n) & (y < 0.52 * n)] = -1  # a patch without data
    write_raster(os.path.join(WORK, "precipitation.tif"), precipitation, -1, gdal.GDT_Float64)
    eto = 560 + 90 * x / n - 30 * numpy.cos(y / 400)
    write_raster(os.path.join(WORK, "eto.tif"), eto, -1, gdal.GDT_Float64)
    depth = 900 + 500 * numpy.sin(x / 310) * numpy.cos(y / 270) + 2 * distance
    write_raster(os.path.join(WORK, "depth.tif"), depth, -1, gdal.GDT_Float64)
    pawc = 0.14 + 0.05 * numpy.sin(x / 190 + y / 230)
    write_raster(os.path.join(WORK, "pawc.tif"), pawc, -1, gdal.GDT_Float64)
    # The watershed: the whole grid, as InVEST's water yield needs one (and GEPKit's zone).
    driver = ogr.GetDriverByName("ESRI Shapefile")
    path = os.path.join(WORK, "watershed.shp")
    if os.path.exists(path):
        driver.DeleteDataSource(path)
    source = driver.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32651)
    layer = source.CreateLayer("watershed", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("ws_id", ogr.OFTInteger))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("ws_id", 1)
    west, north = ORIGIN
    east, south = west + n * PIXEL, north - n * PIXEL
    feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON (({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))"))
    layer.CreateFeature(feature)
    source = None
    with open(os.path.join(WORK, "biophysical.csv"), "w") as f:
        f.write(BIOPHYSICAL)
    with open(os.path.join(WORK, "carbon_pools.csv"), "w") as f:
        f.write(CARBON_POOLS)


def gep_model(name, services):
    classes = "\n".join(f"  - {{code: {code}, type: {kind}}}" for code, kind in TYPES.items())
    inputs = ""
    grids = ""
    tables = ""
    if "invest-annual-water-yield" in services:
        inputs = f"  seasonality-constant: {{value: {SEASONALITY}, unit: \"\", source: bench, status: assumed, note: as given to InVEST}}\n"
        grids = """grids:
  precipitation: {path: precipitation.tif, unit: mm, source: bench, status: assumed, note: generated}
  reference-evapotranspiration: {path: eto.tif, unit: mm, source: bench, status: assumed, note: generated}
  root-restricting-depth: {path: depth.tif, unit: mm, source: bench, status: assumed, note: generated}
  plant-available-water: {path: pawc.tif, unit: "", source: bench, status: assumed, note: generated}
"""
        tables = "  - {path: biophysical.csv, units: {root_depth: mm, Kc: \"\", lulc_veg: \"\"}, source: bench, status: assumed, note: InVEST's table}\n"
    if "invest-carbon-sequestration" in services:
        inputs = "  years-between-maps: {value: 10, unit: \"\", source: bench, status: assumed, note: lulc_alt_year − lulc_bas_year}\n"
        grids = "alternative-land-cover: {path: lulc_alt.tif, source: bench, status: assumed, note: generated}\n"
    if any(service.startswith("invest-carbon") for service in services):
        tables = "  - {path: carbon_pools.csv, units: {c_above: t/ha, c_below: t/ha, c_soil: t/ha, c_dead: t/ha}, source: bench, status: assumed, note: InVEST's table}\n"
    service_lines = "".join(f"  - id: {service}\n" for service in services)
    text = f"""kind: raster-region
sources: {{bench: "Benchmarks/invest/compare.py, a generated set"}}
region: {{id: bench, name: InVEST comparison set}}
year: 2022
prices: {MODELS}/prices/gep-guideline-2010.yaml
deflator: {MODELS}/prices/china-cpi.yaml
services:
{service_lines}{"inputs:" if inputs else ""}
{inputs}land-cover: {{path: lulc.tif, source: bench, status: assumed, note: generated}}
classes:
{classes}
class-tables:
{tables}zones:
  path: watershed.shp
  field: ws_id
  source: bench
  status: assumed
  note: the whole grid
  units:
    - {{code: 1, id: basin, name: Basin}}
{grids}"""
    path = os.path.join(WORK, f"gep-{name}.yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


def timed(command, log):
    """Runs `command` under /usr/bin/time -v: (seconds, peak MB)."""
    start = time.monotonic()
    with open(log, "w") as out:
        result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=out, stderr=subprocess.STDOUT, cwd=WORK,
                                env=dict(os.environ, OPENBLAS_NUM_THREADS="1"))
    seconds = time.monotonic() - start
    text = open(log).read()
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}); see {log}:\n{text[-3000:]}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return seconds, peak


INVEST_RUNNER = """
import json, sys, logging
logging.basicConfig(level=logging.WARNING)
model, args = sys.argv[1], json.load(open(sys.argv[2]))
if model == "carbon":
    from natcap.invest.carbon import carbon as module
else:
    from natcap.invest.annual_water_yield import annual_water_yield as module
module.execute(args)
"""


def run_invest(name, model, args):
    workspace = os.path.join(WORK, f"invest-{name}")
    args = dict(args, workspace_dir=workspace, results_suffix="", n_workers=-1)
    with open(os.path.join(WORK, f"invest-{name}.json"), "w") as f:
        json.dump(args, f)
    with open(os.path.join(WORK, "invest_runner.py"), "w") as f:
        f.write(INVEST_RUNNER)
    return timed([sys.executable, "invest_runner.py", model, f"invest-{name}.json"], os.path.join(WORK, f"invest-{name}.log")), workspace


def read(path):
    dataset = gdal.Open(path)
    band = dataset.GetRasterBand(1)
    return band.ReadAsArray().astype(numpy.float64), band.GetNoDataValue()


def compare(name, gep_path, invest_path, scale):
    gep, gep_nodata = read(gep_path)
    invest, invest_nodata = read(invest_path)
    gep_valid, invest_valid = gep != gep_nodata, invest != invest_nodata
    both = gep_valid & invest_valid
    g, i = gep[both] / scale, invest[both]
    relative = numpy.abs(g - i) / numpy.maximum(numpy.abs(i), 1e-12)
    relative[(i == 0) & (g == 0)] = 0
    worst = float(relative.max()) if relative.size else float("nan")
    print(f"   {name}: {int(both.sum())} pixels compared; nodata masks agree: {bool((gep_valid == invest_valid).all())} "
          f"({int((gep_valid != invest_valid).sum())} differ); largest relative difference {worst:.3g} "
          f"({'within' if worst <= 1e-6 else 'ABOVE'} 1e-6)")
    return worst


def main():
    os.makedirs(WORK, exist_ok=True)
    print(f"GEPKit against natcap.invest on a generated {SIZE} × {SIZE} set ({SIZE * SIZE / 1e6:.2f} M pixels), {time.strftime('%Y-%m-%d')}")
    import natcap.invest
    print(f"   natcap.invest {natcap.invest.__version__}, GDAL {gdal.__version__}, {os.cpu_count()} cores")
    generate()
    common = {"lulc_path": os.path.join(WORK, "lulc.tif")}
    carbon_args = {"lulc_bas_path": common["lulc_path"], "carbon_pools_path": os.path.join(WORK, "carbon_pools.csv"),
                   "calc_sequestration": False, "do_valuation": False, "lulc_alt_path": "", "lulc_bas_year": "", "lulc_alt_year": "",
                   "price_per_metric_ton_of_c": "", "discount_rate": "", "rate_change": ""}
    water_args = {"lulc_path": common["lulc_path"], "precipitation_path": os.path.join(WORK, "precipitation.tif"),
                  "eto_path": os.path.join(WORK, "eto.tif"), "depth_to_root_rest_layer_path": os.path.join(WORK, "depth.tif"),
                  "pawc_path": os.path.join(WORK, "pawc.tif"), "watersheds_path": os.path.join(WORK, "watershed.shp"),
                  "sub_watersheds_path": "", "biophysical_table_path": os.path.join(WORK, "biophysical.csv"),
                  "seasonality_constant": SEASONALITY, "demand_table_path": "", "valuation_table_path": ""}
    sequestration_args = dict(carbon_args, calc_sequestration=True, lulc_alt_path=os.path.join(WORK, "lulc_alt.tif"))
    worst = []
    for name, model, args, outputs in [
            ("carbon", "carbon", carbon_args, [("invest-carbon", "c_storage_bas.tif", 1.0)]),
            ("carbon_sequestration", "carbon", sequestration_args,
             [("invest-carbon", "c_storage_bas.tif", 1.0), ("invest-carbon-sequestration", "c_change_bas_alt.tif", 1.0)]),
            ("annual_water_yield", "annual_water_yield", water_args,
             [("invest-annual-water-yield", os.path.join("output", "per_pixel", "wyield.tif"), 10.0)])]:
        print(f"{name}:")
        (invest_seconds, invest_peak), workspace = run_invest(name, model, args)
        out = os.path.join(WORK, f"gep-{name}")
        gep_seconds, gep_peak = timed([GEP_RASTER, gep_model(name, [service for service, _, _ in outputs]), "--out", out,
                                       "--threads", str(os.cpu_count() or 1)], os.path.join(WORK, f"gep-{name}.log"))
        for service, invest_output, scale in outputs:
            invest_path = os.path.join(workspace, invest_output)
            if not os.path.exists(invest_path):
                found = [os.path.join(d, f) for d, _, files in os.walk(workspace) for f in files if f == os.path.basename(invest_output)]
                invest_path = found[0]
            worst.append(compare(service, os.path.join(out, f"{service}.tif"), invest_path, scale))
        print(f"   InVEST {invest_seconds:.1f} s, {invest_peak:.0f} MB peak; GEPKit {gep_seconds:.1f} s, {gep_peak:.0f} MB peak; "
              f"InVEST / GEPKit {invest_seconds / gep_seconds:.1f}× (goal ≥ 10×), peak {'under' if gep_peak < 1024 else 'OVER'} 1 GiB")
    sys.exit(0 if all(w <= 1e-6 for w in worst) else 1)


main()
