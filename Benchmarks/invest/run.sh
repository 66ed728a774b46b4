#!/bin/sh
# make bench-invest: GEPKit's InVEST-compatible models against natcap.invest 3.20 (Benchmarks/invest/compare.py).
# Installs natcap.invest into Benchmarks/invest/.venv on first use. It builds from source: against numpy < 2 and
# Cython 3.0 (constraints.txt), the GDAL Python bindings of the system's GDAL, and pygeoprocessing, all with build
# isolation off so that they compile against the same numpy.
# Usage: run.sh GEP_RASTER [SIZE]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
pip="$venv/bin/pip"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import natcap.invest.carbon.carbon, natcap.invest.annual_water_yield.annual_water_yield" 2>/dev/null; then
    echo "Installing natcap.invest 3.20.2 into $venv (several minutes: it compiles)"
    python3 -m venv "$venv"
    PATH="$venv/bin:$PATH"  # natcap.invest's build runs pybabel
    export PATH
    "$pip" install -q --upgrade pip wheel "setuptools>=77"
    "$pip" install -q -c "$here/constraints.txt" numpy Cython setuptools_scm babel
    "$pip" install -q -c "$here/constraints.txt" --no-build-isolation "GDAL==$(gdal-config --version)"
    "$pip" install -q -c "$here/constraints.txt" --no-build-isolation "pygeoprocessing>=2.4.10"
    "$pip" install -q -c "$here/constraints.txt" --no-build-isolation "natcap.invest==3.20.2"
fi
work="${TMPDIR:-/tmp}/gepkit-invest-bench"
exec "$venv/bin/python" "$here/compare.py" "$1" "$here/../../models" "$work" "${2:-4000}"
