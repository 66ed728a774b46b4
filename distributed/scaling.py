"""Per-tile time and memory of a tiled raster run, measured here, and what a run over China at 30 m would take.

    distributed/.venv/bin/python distributed/scaling.py BIN_DIR [SIZE]

BIN_DIR holds release builds of gep, gep-raster and gep-raster-fixture; SIZE is the generated set's side (4000). Each
process is timed by /usr/bin/time (wall seconds, peak resident memory), median of three. It times the single run,
tiles of 1/16, 1/8 and 1/2 of the grid (one thread each), the merge of 8 tiles, and the same 8 tiles on a 2-worker
Dask LocalCluster; then fits a tile's time as a fixed cost plus a cost per pixel and projects a run over China.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gep_dask  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
#: China's land area at 30 m: 9.6 × 10⁶ km² over 900 m² pixels.
CHINA_PIXELS = 9.6e6 * 1e6 / 900
#: An Albers grid around China: about 5 200 km east–west (the land's extent is some 5 000 km).
CHINA_COLUMNS = 5.2e6 / 30


def timed(command, repeats=3):
    """Median wall seconds and peak resident MB of `command` over `repeats` runs."""
    runs = []
    for _ in range(repeats):
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True, check=True)
        seconds, kilobytes = result.stderr.strip().splitlines()[-1].split()
        runs.append((float(seconds), float(kilobytes) / 1024))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main():
    bin_dir = Path(sys.argv[1])
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
    gep, raster = str(bin_dir / "gep"), str(bin_dir / "gep-raster")
    with tempfile.TemporaryDirectory(prefix="gepkit-scaling-") as folder:
        folder = Path(folder)
        model = subprocess.run([str(bin_dir / "gep-raster-fixture"), str(size), str(folder / "data"), str(ROOT / "models")],
                               check=True, capture_output=True, text=True).stdout.strip()
        pixels = size * size
        print(f"Tiled raster runs, {size} × {size} pixels ({pixels / 1e6:.0f} M), 5 services, 5 GeoTIFFs written")
        single = timed([raster, model, "--out", str(folder / "single"), "--threads", "1"])
        print(f"  single process, 1 thread:               {single[0]:6.2f} s, {single[1]:5.0f} MB peak")
        fits = []
        for count in [16, 8, 2]:
            seconds, peak = timed([raster, model, "--tile", f"1/{count}", "--out", str(folder / f"tile-{count}")])
            fits.append((pixels / count, seconds))
            print(f"  tile 1/{count:<2}, 1 thread ({pixels / count / 1e6:4.1f} M pixels):  {seconds:6.2f} s, {peak:5.0f} MB peak")
        for index in range(1, 9):
            subprocess.run([raster, model, "--tile", f"{index}/8", "--out", str(folder / "parts" / str(index))], check=True, capture_output=True)
        merge = timed([raster, "merge", *[str(folder / "parts" / str(i)) for i in range(1, 9)], "--out", str(folder / "mosaic")])
        print(f"  merge of 8 tiles (VRT mosaics):          {merge[0]:6.2f} s, {merge[1]:5.0f} MB peak")

        from dask.distributed import Client, LocalCluster
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
            client.run(lambda: None)
            runs = []
            for attempt in range(3):
                start = time.monotonic()
                gep_dask.run(client, model, folder / f"dask-{attempt}", 8, gep=gep)
                runs.append(time.monotonic() - start)
        dask_seconds = statistics.median(runs)
        print(f"  8 tiles on a 2-worker LocalCluster, merge included: {dask_seconds:.2f} s "
              f"({single[0] / dask_seconds:.2f}× the single process on 1 thread)")

        # t(tile) = fixed + perPixel · pixels, through the smallest and largest tile.
        (p1, t1), (p2, t2) = fits[0], fits[-1]
        per_pixel = (t2 - t1) / (p2 - p1)
        fixed = t1 - per_pixel * p1
        print(f"  fit: a tile costs {fixed:.2f} s + {per_pixel * 1e6:.3f} µs a pixel on one core")
        tile_pixels = 256 * CHINA_COLUMNS
        tiles = CHINA_PIXELS / tile_pixels
        per_tile = fixed + per_pixel * tile_pixels
        core_seconds = tiles * per_tile
        print(f"China at 30 m: {CHINA_PIXELS:.3g} pixels; tiles of 256 rows × {CHINA_COLUMNS:.3g} columns: "
              f"{tiles:.0f} tiles of {per_tile:.1f} s, {core_seconds / 3600:.2f} core-hours")
        for workers in [8, 64, 512]:
            waves = -(-tiles // workers)
            print(f"  {workers:4d} workers: {waves * per_tile / 60:6.1f} min of tiles ({waves:.0f} waves)")


if __name__ == "__main__":
    main()
