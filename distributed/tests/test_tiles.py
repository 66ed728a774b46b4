"""The Dask driver on a 2-worker LocalCluster over the 4000 × 4000 benchmark set (GenheRasterFixture): the merged
account equals the single-process run's byte for byte and every mosaic equals its GeoTIFF pixel for pixel, also when a
worker is killed mid-run.

Run by ``make test-distributed``, which installs Dask, numpy and rasterio in distributed/.venv and builds gep; skipped,
saying so, where Dask is not installed. GEP_BIN_DIR names the folder of gep, gep-raster and gep-raster-fixture;
GEPKIT_DISTRIBUTED_SIZE overrides the set's size.
"""

import json
import re
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

try:
    import numpy
    import rasterio
    from dask.distributed import Client, LocalCluster
except ImportError as missing:
    raise unittest.SkipTest(f"{missing.name} is not installed: `make test-distributed` installs Dask, numpy and rasterio in "
                            "distributed/.venv and runs these tests there")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import gep_dask  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SIZE = int(os.environ.get("GEPKIT_DISTRIBUTED_SIZE", "4000"))
TILES = 8
SERVICES = ["carbon-sink", "flood-regulation", "oxygen-release", "soil-retention", "water-conservation"]


def bin_dir():
    if "GEP_BIN_DIR" in os.environ:
        return Path(os.environ["GEP_BIN_DIR"])
    return Path(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                               capture_output=True, text=True).stdout.strip())


def without_run(account):
    """The account JSON without its `"run"` object (tool, time, command, inputs), which gep places among the top-level keys."""
    return re.sub(r'\n  "run" : \{.*?\n  \},?', "", account, count=1, flags=re.S)


class TileRunTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bin = bin_dir()
        cls.gep = str(cls.bin / "gep")
        for tool in ["gep", "gep-raster", "gep-raster-fixture"]:
            if not (cls.bin / tool).exists():
                raise unittest.SkipTest(f"{cls.bin / tool} is not built: `make test-distributed` builds it")
        cls.folder = Path(tempfile.mkdtemp(prefix="gepkit-dask-"))
        data = cls.folder / "data"
        cls.model = subprocess.run([str(cls.bin / "gep-raster-fixture"), str(SIZE), str(data), str(ROOT / "models")],
                                   check=True, capture_output=True, text=True).stdout.strip()
        single = subprocess.run([cls.gep, "raster", cls.model, "--out", str(cls.folder / "single"), "--threads", "2",
                                 "--format", "json"], check=True, capture_output=True, text=True)
        cls.single = single.stdout
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        cls.client = Client(cls.cluster)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def assert_same_as_single(self, out, account):
        # Byte for byte but for the run's metadata (its command and time differ between the merge and the single run).
        self.assertEqual(without_run(account), without_run(self.single), "the merged account differs from the single-process run's")
        self.assertEqual(json.loads(account)["units"], json.loads(self.single)["units"])
        for service in SERVICES:
            with rasterio.open(out / "mosaic" / f"{service}.vrt") as mosaic, rasterio.open(self.folder / "single" / f"{service}.tif") as single:
                self.assertEqual((mosaic.width, mosaic.height), (SIZE, SIZE))
                self.assertEqual(mosaic.transform, single.transform)
                self.assertTrue(numpy.array_equal(mosaic.read(1), single.read(1)), f"{service}: the mosaic differs from the single run's GeoTIFF")

    def test_cluster_run_equals_single_process(self):
        out = self.folder / "cluster"
        account = gep_dask.run(self.client, self.model, out, TILES, gep=self.gep, report_format="json")
        self.assert_same_as_single(out, account)
        attempts = sorted((out / "tiles").glob("tile-*/attempt-*"))
        self.assertEqual(len(attempts), TILES, "one attempt per tile when nothing fails")

    def test_worker_killed_mid_run(self):
        out = self.folder / "killed"
        outcome = {}

        def drive():
            try:
                outcome["account"] = gep_dask.run(self.client, self.model, out, TILES, gep=self.gep, report_format="json")
            except BaseException as error:  # reported by the test's thread below
                outcome["error"] = error

        driver = threading.Thread(target=drive)
        driver.start()
        # Wait until a tile's gep is under way on a worker (its attempt folder holds gep's staging folder and no
        # gep-tile.json yet), then kill that worker's process by the id the cluster gave it.
        victim, tile = None, None
        deadline = time.monotonic() + 120
        while victim is None and time.monotonic() < deadline and driver.is_alive():
            pids = self.client.run(os.getpid)
            for address, keys in self.client.processing().items():
                for key in keys:
                    index = int(str(key).split("-")[2])
                    if address in pids and any(self.running(attempt) for attempt in self.attempts(out, index)):
                        victim, tile = pids[address], index
                        break
                if victim is not None:
                    break
            else:
                time.sleep(0.01)
        self.assertIsNotNone(victim, "no tile was seen running")
        os.kill(victim, 9)
        driver.join(600)
        self.assertFalse(driver.is_alive(), "the run did not finish")
        self.assertNotIn("error", outcome, f"{outcome.get('error')}")
        self.assert_same_as_single(out, outcome["account"])
        attempts = self.attempts(out, tile)
        finished = [attempt for attempt in attempts if (attempt / "gep-tile.json").exists()]
        self.assertGreaterEqual(len(attempts), 2, f"tile {tile}/{TILES}, cut off by the kill, was not run again")
        self.assertEqual(len(finished), 1, f"tile {tile}/{TILES}: one attempt finished, the one cut off did not")

    @staticmethod
    def attempts(out, index):
        return sorted((out / "tiles" / f"tile-{index:05d}-of-{TILES:05d}").glob("attempt-*"))

    @staticmethod
    def running(attempt):
        return not (attempt / "gep-tile.json").exists() and any(attempt.glob(".gep-raster-*"))


if __name__ == "__main__":
    unittest.main()
