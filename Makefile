# GEPKit: `make run` and `make test` each install what is missing, build, and run.
SHELL := /bin/bash
export OPENBLAS_NUM_THREADS := 1

# Debian packages the build needs: LAPACKE and OpenBLAS (CBLAS) for the LinearAlgebra target, SQLite for the
# results store (GRDB), GDAL for the raster layer (GEPRaster, through the CGDAL system library), libxlsxwriter for the
# xlsx exports (GEPSpreadsheet, through the CXlsxWriter system library), OpenSSL's libcrypto for the SHA-256 of each
# report's inputs (CLibCrypto).
APT_PACKAGES := liblapacke-dev libopenblas-dev libsqlite3-dev libgdal-dev libxlsxwriter-dev libssl-dev
# And the tests: headless Chromium opens the HTML report, drawing its Chinese with the Noto CJK fonts; the sqlite3
# shell damages stores on purpose; unzip reads the xlsx exports back.
TEST_APT_PACKAGES := chromium sqlite3 fonts-noto-cjk unzip
# And the InVEST comparison: natcap.invest and GDAL's Python bindings compile in a virtual environment.
INVEST_APT_PACKAGES := python3-venv python3-dev g++
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null && echo sudo)

.PHONY: all deps test-deps apt-install build install run test example-plugin-test plugin-check test-distributed bench bench-invest fuzz clean

all: build

## deps: install the Debian packages above if any is missing (quiet when all are present)
deps:
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(APT_PACKAGES)"

test-deps: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(TEST_APT_PACKAGES)"

apt-install:
	@missing=""; \
	for package in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

## build: compile the gep command-line tool and gep-raster, which `gep raster` starts
build: deps
	swift build --product gep
	swift build --product gep-raster

## install: release builds of gep and of gep-raster (which `gep raster` starts from beside gep) into $(PREFIX)/bin
PREFIX ?= /usr/local
install: deps
	swift build -c release --product gep
	swift build -c release --product gep-raster
	install -d "$(PREFIX)/bin"
	bin="$$(swift build -c release --show-bin-path)"; install -m 755 "$$bin/gep" "$$bin/gep-raster" "$(PREFIX)/bin/"

## run: the main job: Genhe's annual GEP account from the bundled model
run: build
	"$$(swift build --show-bin-path)/gep" account models/regions/genhe.yaml

## test: every test target, single-threaded BLAS for repeatable numbers, Chromium required for the HTML check;
## then the plug-in example package and the SwiftPM plugins
test: test-deps
	GEPKIT_REQUIRE_CHROMIUM=1 swift test
	$(MAKE) --no-print-directory example-plugin-test plugin-check

## example-plugin-test: build examples/custom-service-plugin (depends on GEPKit by path) and run its tests
example-plugin-test: deps
	cd examples/custom-service-plugin && swift test

## plugin-check: in a temporary copy of the package, scaffold a module with the new-service-module plugin, check
## that everything (the generated test skeleton included) builds, and run the validate-models plugin
plugin-check: deps
	@copy="$$(mktemp -d)"; trap 'rm -rf "$$copy"' EXIT; \
	tar --exclude=.build --exclude='.build-*' --exclude=.git -cf - . | tar -xf - -C "$$copy" && \
	cd "$$copy" && \
	swift package --allow-writing-to-package-directory new-service-module plugin-check-service && \
	test -f Sources/GEPServices/PluginCheckService.swift && test -f Tests/GEPServicesTests/PluginCheckServiceTests.swift && \
	swift build --build-tests && \
	swift package validate-models

## test-distributed: the Dask driver (distributed/) on a 2-worker LocalCluster over the 4000 × 4000 benchmark set:
## tiles merged equal the single-process run bit for bit, also with a worker killed mid-run. Installs Dask, numpy and
## rasterio (distributed/requirements.txt) into distributed/.venv on first use; builds gep in release mode.
DISTRIBUTED_VENV := distributed/.venv
test-distributed: deps
	@if ! $(DISTRIBUTED_VENV)/bin/python -c "import dask.distributed, numpy, rasterio" 2>/dev/null; then \
		$(MAKE) --no-print-directory apt-install PACKAGES="python3-venv" && \
		echo "Installing Dask, numpy and rasterio into $(DISTRIBUTED_VENV)" && \
		python3 -m venv $(DISTRIBUTED_VENV) && $(DISTRIBUTED_VENV)/bin/pip install -q -r distributed/requirements.txt; \
	fi
	swift build -c release --product gep
	swift build -c release --product gep-raster
	swift build -c release --product gep-raster-fixture
	GEP_BIN_DIR="$$(swift build -c release --show-bin-path)" $(DISTRIBUTED_VENV)/bin/python -m unittest discover -s distributed/tests -v

## bench: time GEPKit against baselines run in the same process or the same run (release build, one BLAS thread)
## and print ratios; the whole-process cases run the Python baselines (numpy, pandas, PyYAML) from
## Benchmarks/baselines/.venv, made on first use when the system's python3 lacks them.
BASELINE_VENV := Benchmarks/baselines/.venv
bench: deps
	@if ! python3 -c "import numpy, pandas, yaml" 2>/dev/null && ! $(BASELINE_VENV)/bin/python -c "import numpy, pandas, yaml" 2>/dev/null; then \
		$(MAKE) --no-print-directory apt-install PACKAGES="python3-venv" && \
		echo "Installing numpy, pandas and PyYAML into $(BASELINE_VENV) for the Python baselines" && \
		python3 -m venv $(BASELINE_VENV) && $(BASELINE_VENV)/bin/pip install -q numpy pandas pyyaml; \
	fi
	swift build -c release --product gep
	swift build -c release --product gep-raster
	swift build -c release --product gep-bench
	PATH="$$(if [ -x $(BASELINE_VENV)/bin/python ]; then echo "$(CURDIR)/$(BASELINE_VENV)/bin:"; fi)$$PATH" \
		"$$(swift build -c release --show-bin-path)/gep-bench" "$(CURDIR)"

## bench-invest: InVEST-compatible carbon and annual water yield against natcap.invest 3.20 on a generated
## 4000 × 4000 set (Benchmarks/invest): pixel-by-pixel differences, time and peak memory of each tool. Installs
## natcap.invest into Benchmarks/invest/.venv on first use (it compiles: several minutes). INVEST_SIZE overrides the size.
INVEST_SIZE ?= 4000
bench-invest: deps
	@$(MAKE) --no-print-directory apt-install PACKAGES="$(INVEST_APT_PACKAGES)"
	swift build -c release --product gep-raster
	Benchmarks/invest/run.sh "$$(swift build -c release --show-bin-path)/gep-raster" $(INVEST_SIZE)

## fuzz: a million seeded mutants of the bundled model files through the loaders, the account and every report
## (release build, two processes side by side); fails on a trap, a hang (20 s) or a non-finite number in a report.
## FUZZ_MUTANTS and FUZZ_SEED override the count and the seed.
FUZZ_MUTANTS ?= 1000000
FUZZ_SEED ?= 1
fuzz: deps
	swift build -c release --product gep-fuzz
	@bin="$$(swift build -c release --show-bin-path)/gep-fuzz"; half=$$(( $(FUZZ_MUTANTS) / 2 )); \
	"$$bin" models 0 $$half $(FUZZ_SEED) & first=$$!; \
	"$$bin" models $$half $$(( $(FUZZ_MUTANTS) - half )) $(FUZZ_SEED) & second=$$!; \
	wait $$first; a=$$?; wait $$second; b=$$?; \
	if [ $$a -ne 0 ] || [ $$b -ne 0 ]; then echo "fuzz: FAILED (exit $$a, $$b)"; exit 1; fi; \
	echo "fuzz: $(FUZZ_MUTANTS) mutants, no trap, no hang, no non-finite output"

clean:
	rm -rf .build
