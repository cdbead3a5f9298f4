#!/bin/bash
# simulate-testssl: `testssl.sh --client-simulation` (Debian's testssl.sh 3.0.8) as an
# independent cross-check of `tlslint simulate` (issue 13). Three of simulate-live.sh's cases
# run on free ports; testssl replays its own clients' hellos to each and prints what the server
# chose; live/testssl_compare.py maps the clients it shares with our profiles (our own table)
# and compares protocol and suite, or no connection, with the simulation's server side.
#
# testssl is not ground truth: its hellos are its own recordings and ours are captures or are
# built from published parameters, so a disagreement is a lead, printed with both answers, not
# a failure. The test fails when testssl cannot run, or when agreement on the shared clients
# falls below AGREE_MIN percent: a single profile whose hello drifts from testssl's costs at
# most 3 of the 51 comparisons (6 %), while an error on the server side (a wrong default, the
# preference order, a protocol range) moves every client of a case at once; 80 % lets three
# profiles differ and catches the second kind.
#
# Speed: only the client simulation runs (-c, --fast, --sneaky, no banner), and testssl's
# socket pauses are cut (USLEEP_SND/USLEEP_REC, made for slow links, and MAX_WAITSOCK, its
# wait for an answer: loopback answers at once): about 30 s a case instead of 90.
#
# Usage: simulate-testssl.sh TLSLINT
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 TLSLINT" >&2; exit 2; }
TLSLINT=$(realpath "$1")
LIVE=$TL_REALSERVER/live
AGREE_MIN=80
CASES=(nginx/chain-ok nginx/client-unsupported-ecdsa apache/client-unsupported)

tl_require_nginx
tl_require_apache
TESTSSL=$(command -v testssl || command -v testssl.sh) ||
	{ echo "$TL_NAME: SKIP: testssl.sh not installed; 'make check' installs it" >&2; exit 77; }

agree=0 total=0
for case in "${CASES[@]}"; do
	server=${case%%/*} name=${case#*/}
	case $server in
	nginx) ngx_prepare "$name" d && ngx_start "$d" ; entry=nginx.conf port=$(ngx_port "$d")
		target=nginx=$("$TL_NGINX" -v 2>&1 | sed -n 's|.*nginx/\([0-9.]*\).*|\1|p') ;;
	apache) ap_prepare "$name" d && ap_start "$d" ; entry=apache2.conf port=$(ap_port "$d")
		target=apache=$("$TL_APACHE" -v | sed -n 's|.*Apache/\([0-9.]*\).*|\1|p') ;;
	esac || { tl_fail "$case: the server did not start"; continue; }
	(cd "$d" && "$TLSLINT" simulate --now "$TEST_NOW" --ca-file "$TL_PKI/root.crt" \
		--target "$target" -f json "$d/$entry") >"$d/sim.json" 2>"$d/sim.err"
	[ -s "$d/sim.json" ] || { tl_fail "$case: tlslint simulate wrote nothing"; continue; }
	site=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sites"][0]["name"])' \
		"$d/sim.json")
	start=$SECONDS
	USLEEP_SND=0.01 USLEEP_REC=0.01 MAX_WAITSOCK=3 timeout 120 "$TESTSSL" --quiet --color 0 \
		--warnings off --fast --sneaky --ip 127.0.0.1 --client-simulation \
		--jsonfile "$d/testssl.json" "$site:$port" >"$d/testssl.out" 2>&1
	rc=$?
	if [ $rc -ne 0 ] || [ ! -s "$d/testssl.json" ]; then
		tl_fail "$case: testssl exit $rc: $(tail -n 5 "$d/testssl.out")"
		continue
	fi
	echo "$TL_NAME: $case: testssl took $((SECONDS - start)) s"
	while read -r line; do
		echo "$TL_NAME: $line"
		case $line in
		agree*) agree=$((agree + 1)) total=$((total + 1)) ;;
		disagree*) total=$((total + 1)) ;;
		*) tl_fail "$line" ;;
		esac
	done < <(python3 "$LIVE/testssl_compare.py" "$case" "$d/sim.json" "$d/testssl.json")
	case $server in
	nginx) ngx_stop "$d" ;;
	apache) ap_stop "$d" ;;
	esac
done

if [ "$total" -eq 0 ]; then
	tl_fail "no client compared"
else
	pct=$((100 * agree / total))
	echo "$TL_NAME: testssl and tlslint simulate agree on $agree of $total shared client runs ($pct %)"
	[ "$pct" -ge "$AGREE_MIN" ] || tl_fail "agreement $pct % is below $AGREE_MIN %"
fi
tl_finish
