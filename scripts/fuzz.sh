#!/bin/sh
# Runs one libFuzzer target of fuzz/ for a set time (make fuzz builds them).
#   scripts/fuzz.sh TARGET [SECONDS] [WORKDIR]
# TARGET: nginx apache haproxy simulate ciphers hello certs config baseline.
# The corpus starts from the same seeds make check replays (testdata/, fuzz/corpus/) and
# grows in WORKDIR/corpus (default /tmp/tlslint-fuzz-work/TARGET); crashes, leaks and
# timeouts land in WORKDIR/artifacts. Copy each one to fuzz/reproducers/TARGET/ once it
# is fixed, so that make check replays it for good. Prints libFuzzer's last lines,
# with the number of executions ("Done N runs in S second(s)").
set -eu
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS] [WORKDIR]}
seconds=${2:-600}
work=${3:-/tmp/tlslint-fuzz-work/$target}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$here/build-fuzz/fuzz/fuzz_$target
[ -x "$bin" ] || { echo "fuzz.sh: $bin missing (make fuzz)" >&2; exit 2; }

mkdir -p "$work/corpus" "$work/artifacts"
seed() { # DIR SUFFIX...: copy the matching files of DIR into the corpus
	dir=$1
	shift
	for suffix in "$@"; do
		find "$dir" -type f -name "*$suffix" | while read -r f; do
			cp "$f" "$work/corpus/$(printf '%s' "$f" | cksum | cut -d' ' -f1)$suffix"
		done
	done
}
case $target in
nginx) seed "$here/testdata/nginx" .conf; seed "$here/fuzz/corpus/nginx" .conf ;;
apache) seed "$here/testdata/apache" .conf ;;
haproxy) seed "$here/testdata/haproxy" .cfg .list ;;
simulate) seed "$here/testdata/nginx" nginx.conf ;;
ciphers) seed "$here/fuzz/corpus/ciphers" "" ;;
hello) seed "$here/testdata/clients/hello" .bin ;;
certs) seed "$here/testdata/pki" .crt .key .pem .der ;;
config) seed "$here/fuzz/corpus/config" .yaml ;;
baseline) seed "$here/fuzz/corpus/baseline" .json ;;
*) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;;
esac
seed "$here/fuzz/reproducers/$target" ""

cd "$work"
# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that takes 2 GiB a blow-up.
"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
	-artifact_prefix="$work/artifacts/" -print_final_stats=1 "$work/corpus" \
	>"$work/log" 2>&1 || true
tail -n 25 "$work/log"
if ls "$work/artifacts" | grep -q .; then
	echo "fuzz.sh: $target left artifacts in $work/artifacts" >&2
	exit 1
fi
