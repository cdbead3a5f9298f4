#!/usr/bin/env bash
# Nothing lost: a run that cannot finish (out of memory, a report that cannot be written) exits 2
# with a message on standard error, and never leaves a partial report that could pass for a
# whole one (exit 0 or 1).
# Usage: nothing-lost.sh TLSLINT   (run from the repository root)
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

case=testdata/nginx/cipher-weak/nginx.conf
lint=(--root testdata --now $NOW --ca-file testdata/pki/root.crt)

# 1. Standard output on a full disk (/dev/full: every write fails with ENOSPC), for every
#    subcommand and format, and --output naming it.
runs=(
	"${lint[*]} --format text $case"
	"${lint[*]} --format json $case"
	"${lint[*]} --format sarif $case"
	"${lint[*]} --format gcc $case"
	"${lint[*]} --format markdown $case"
	"${lint[*]} --output /dev/full $case"
	"simulate ${lint[*]} $case"
	"explain cipher-weak"
	"ciphers ECDHE+AESGCM"
	"--list-checks"
	"--help"
)
for r in "${runs[@]}"; do
	# shellcheck disable=SC2086 # the words of each run
	"$TLSLINT" $r >/dev/full 2>"$tmp/err"
	status=$?
	if [ $status -ne 2 ] || ! grep -q "No space left on device" "$tmp/err"; then
		fail "tlslint $r >/dev/full: exit $status, stderr: $(cat "$tmp/err")"
	fi
done
[ $fails -eq 0 ] && echo "ok: a report that cannot be written is exit 2 with a message (${#runs[@]} runs)"

# 2. Out of memory (an address-space limit far below what 20,000 sites take): exit 2, the
#    message, and not one byte of report.
before=$fails
{
	printf 'events {}\nhttp {\n'
	for i in $(seq 1 20000); do
		printf 'server { listen 443 ssl; server_name s%s.example.test; ' "$i"
		printf 'ssl_certificate /pki/www.fullchain.crt; ssl_certificate_key /pki/www.key; }\n'
	done
	printf '}\n'
} >"$tmp/big.conf"
for fmt in text json; do
	# ASan reserves terabytes of address space: the limit only means something without it.
	if grep -aq AddressSanitizer "$TLSLINT"; then
		echo "ok: (out of memory not tried under ASan)"
		break
	fi
	(
		ulimit -v 120000
		exec "$TLSLINT" "${lint[@]}" --format $fmt "$tmp/big.conf" >"$tmp/out" 2>"$tmp/err"
	)
	status=$?
	[ $status -eq 2 ] || fail "out of memory ($fmt): exit $status, want 2"
	grep -q "tlslint: out of memory: the run was stopped and nothing was reported" "$tmp/err" ||
		fail "out of memory ($fmt): no message: $(head -c 500 "$tmp/err")"
	[ -s "$tmp/out" ] && fail "out of memory ($fmt): $(wc -c <"$tmp/out") bytes of report written"
done
# The same config with the memory it needs is linted whole: the limit, not the config, failed.
"$TLSLINT" "${lint[@]}" --format json "$tmp/big.conf" >"$tmp/out" 2>"$tmp/err"
status=$?
[ $status -eq 1 ] || fail "20,000 sites without a limit: exit $status, want 1: $(head -c 300 "$tmp/err")"
[ $fails -eq $before ] && echo "ok: out of memory is exit 2 with a message and no report"

echo "$fails failed"
[ "$fails" -eq 0 ]
