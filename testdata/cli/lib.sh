# Sourced by the cli test scripts (run from the repository root with TLSLINT as their first
# argument): TLSLINT made absolute, the test PKI and instant, a temporary directory $tmp removed
# on exit, and fail(), which counts into $fails.
# shellcheck shell=bash disable=SC2034
set -u
TLSLINT=$(realpath "$1")
PKI=$(realpath testdata/pki)
NOW=2026-06-01T00:00:00Z
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
