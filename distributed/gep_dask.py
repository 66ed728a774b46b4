"""Tile-parallel raster accounts on Dask distributed.

One task per tile runs ``gep raster MODEL --tile I/N --out FOLDER`` on a worker; Dask schedules the tasks, retries a
tile whose ``gep`` failed and reschedules one whose worker was lost; ``gep raster merge`` then adds the tiles' exact
sums into the account a single process gives, bit for bit, and writes one mosaic per service. Nothing here computes
or schedules anything of its own: the Swift binary does the work, Dask the scheduling.

Workers must see the model, its inputs and the output folder at the same paths (a shared file system), and have
``gep`` and ``gep-raster`` (built side by side) on the path or at ``--gep``.

    python distributed/gep_dask.py MODEL --tiles 8 --out DIR                 # a LocalCluster of 2 workers
    python distributed/gep_dask.py MODEL --tiles 64 --out DIR --scheduler tcp://host:8786
"""

import argparse
import ctypes
import signal
import subprocess
import sys
import uuid
from pathlib import Path

__all__ = ["TileFailed", "run_tile", "run", "main"]

#: prctl(2) option: a signal the kernel sends this process when the thread that started it ends.
_PR_SET_PDEATHSIG = 1


class TileFailed(RuntimeError):
    """A tile's ``gep`` exited with an error; Dask retries the task."""

    def __init__(self, tile, stderr):
        super().__init__(f"tile {tile}: {stderr}")
        self.tile = tile
        self.stderr = stderr


def _end_with_worker():
    """In the child, before exec: be killed with the worker, so that a lost worker leaves no tile running that could
    race its retry (each attempt writes to a folder of its own anyway)."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG)")


def run_tile(gep, model, index, count, parts, threads=1):
    """Runs tile ``index``/``count`` of ``model`` into a new attempt folder under ``parts``; returns the folder.

    Each attempt has its own folder, so a retry never meets the half-written files of an attempt that was cut off.
    """
    folder = Path(parts) / f"tile-{index:05d}-of-{count:05d}" / f"attempt-{uuid.uuid4().hex}"
    command = [gep, "raster", model, "--tile", f"{index}/{count}", "--out", str(folder), "--threads", str(threads)]
    result = subprocess.run(command, capture_output=True, text=True, preexec_fn=_end_with_worker)
    if result.returncode != 0:
        raise TileFailed(f"{index}/{count}", result.stderr.strip() or f"gep exited with status {result.returncode}")
    return str(folder)


def run(client, model, out, tiles, gep="gep", threads=1, retries=2, mosaic="vrt", report_format="json"):
    """Runs ``model`` in ``tiles`` tiles on ``client``'s cluster and merges them into ``out``.

    Writes the tiles under ``out/tiles``, the mosaics into ``out/mosaic`` and the account (``report_format``) to
    ``out/account.<format>``; returns the account's text. Raises ``TileFailed`` for a tile that failed on every try,
    and ``RuntimeError`` with gep's message when the merge refuses the tiles.
    """
    model = str(Path(model).resolve())
    out = Path(out).resolve()
    parts = out / "tiles"
    parts.mkdir(parents=True, exist_ok=True)
    run_id = uuid.uuid4().hex[:8]
    futures = [
        client.submit(run_tile, gep, model, index, tiles, str(parts), threads,
                      key=f"gep-tile-{index}-of-{tiles}-{run_id}", retries=retries, pure=False)
        for index in range(1, tiles + 1)
    ]
    folders = client.gather(futures)
    merged = subprocess.run(
        [gep, "raster", "merge", *folders, "--out", str(out / "mosaic"), "--mosaic", mosaic, "--format", report_format],
        capture_output=True, text=True)
    if merged.returncode != 0:
        raise RuntimeError(f"gep raster merge: {merged.stderr.strip()}")
    (out / f"account.{report_format}").write_text(merged.stdout)
    return merged.stdout


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run a raster region model tile by tile on a Dask cluster and merge the tiles.")
    parser.add_argument("model", help="the raster region model file (kind: raster-region)")
    parser.add_argument("--tiles", type=int, required=True, help="how many tiles (strips of block rows)")
    parser.add_argument("--out", required=True, help="the folder for tiles/, mosaic/ and the account")
    parser.add_argument("--scheduler", help="a Dask scheduler's address; without it, a LocalCluster on this machine")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    parser.add_argument("--gep", default="gep", help="the gep executable, with gep-raster beside it (default: gep on the path)")
    parser.add_argument("--threads", type=int, default=1, help="threads of each tile's gep (default 1)")
    parser.add_argument("--retries", type=int, default=2, help="retries of a tile whose gep failed (default 2)")
    parser.add_argument("--mosaic", choices=["vrt", "cog"], default="vrt", help="the mosaics' form (default vrt)")
    parser.add_argument("--format", default="table", help="the account's format: table, csv, json, md or html")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
    with Client(args.scheduler or cluster) as client:
        try:
            text = run(client, args.model, args.out, args.tiles, gep=args.gep, threads=args.threads, retries=args.retries,
                       mosaic=args.mosaic, report_format=args.format)
        except (TileFailed, RuntimeError) as error:
            print(f"gep_dask: {error}", file=sys.stderr)
            return 1
    if cluster is not None:
        cluster.close()
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
