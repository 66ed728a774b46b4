# GEPKit: `make run` and `make test` each install what is missing, build, and run.
SHELL := /bin/bash
export OPENBLAS_NUM_THREADS := 1

# Debian packages the build needs: LAPACKE and OpenBLAS (CBLAS) for the LinearAlgebra target.
APT_PACKAGES := liblapacke-dev libopenblas-dev
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo >/dev/null && echo sudo)

.PHONY: all deps build run test clean

all: build

## deps: install the Debian packages above if any is missing (quiet when all are present)
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$package" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

## build: compile the gep command-line tool
build: deps
	swift build --product gep

## run: the main job: what gep knows and can compute
run: build
	"$$(swift build --show-bin-path)/gep" --version
	"$$(swift build --show-bin-path)/gep" services list

## test: every test target, single-threaded BLAS for repeatable numbers
test: deps
	swift test

clean:
	rm -rf .build
