#!/bin/bash
# simulate-diff: `tlslint simulate` against the real server, case by case (issue 13). For
# every golden case of SERVER whose syntax test passes (its nginx-t, apache2-t or haproxy-c
# says ok), the case is started for real on free ports; every client profile's ClientHello
# for every site and name the simulation reports is replayed over TCP to 127.0.0.1, and the
# server's answer (version and suite, HelloRetryRequest, or refusal) must be what the
# simulation says. Cases the server refuses to start are counted, not compared (the lint
# findings cover them). Disagreements a cause is known for are listed, with that cause, in
# testdata/realserver/simulate-known.txt ("SERVER/CASE NAME CLIENT # cause"); any other fails.
# Usage: simulate-diff.sh nginx|apache|haproxy TLSLINT SIM_HELLOS
# (TLSLINT_CASES=PATTERN runs only the cases whose names match, by hand.)
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
# shellcheck source=haproxy_lib.sh
source "$(dirname "$0")/haproxy_lib.sh"

[ $# -eq 3 ] || { echo "usage: $0 SERVER TLSLINT SIM_HELLOS" >&2; exit 2; }
# Absolute: each case runs from its own directory.
server=$1 TLSLINT=$(realpath "$2") SIM_HELLOS=$(realpath "$3")
TL_NAME=simulate-diff-$server
KNOWN=$TL_REALSERVER/simulate-known.txt
case $server in
nginx)
	tl_require_nginx
	decl=nginx-t entry=nginx.conf
	target=nginx=$("$TL_NGINX" -v 2>&1 | sed -n 's|.*nginx/\([0-9.]*\).*|\1|p')
	;;
apache)
	tl_require_apache
	decl=apache2-t entry=apache2.conf
	target=apache=$("$TL_APACHE" -v | sed -n 's|.*Apache/\([0-9.]*\).*|\1|p')
	;;
haproxy)
	tl_require_haproxy
	decl=haproxy-c entry=haproxy.cfg
	target=haproxy=$("$TL_HAPROXY" -v | sed -n 's|.*version \([0-9]*\.[0-9]*\).*|\1|p')
	;;
*)
	echo "$0: unknown server $server" >&2
	exit 2
	;;
esac

agree=0 total=0 skipped=0 cases=0 not_started=0 known=0 not_started_names=
report=$(mktemp "${TMPDIR:-/tmp}/tlslint-$TL_NAME.XXXXXX")
TL_TMPDIRS+=("$report")
for case_dir in "$TL_TESTDATA/$server"/*/; do
	case_dir=${case_dir%/}
	name=$(basename "$case_dir")
	[ "$(sed -n 1p "$case_dir/$decl" 2>/dev/null)" = ok ] || continue
	# shellcheck disable=SC2053 # a pattern, to run some cases by hand
	[[ $name == ${TLSLINT_CASES:-*} ]] || continue
	case $server in
	nginx) ngx_prepare "$case_dir" d && ngx_start "$d" 2>/dev/null ;;
	apache) ap_prepare "$case_dir" d && ap_start "$d" 2>/dev/null ;;
	haproxy) hp_prepare "$case_dir" d && hp_start "$d" 2>/dev/null ;;
	esac
	started=$?
	if [ $started -ne 0 ]; then
		not_started=$((not_started + 1))
		not_started_names+=" $name"
		continue
	fi
	cases=$((cases + 1))
	args=()
	if [ -f "$d/args" ]; then
		mapfile -t extra <"$d/args"
		for a in "${extra[@]}"; do
			# Paths in args are relative to the repository (testdata/…) or /pki/… under --root.
			case $a in
			simulate) ;;
			testdata/*) args+=("$TL_TESTDATA/${a#testdata/}") ;;
			?*) args+=("${a//\/pki\//$TL_PKI/}") ;;
			esac
		done
	fi
	# The installed server's version last: it wins over a case's own --target.
	(cd "$d" && "$TLSLINT" simulate --now "$TEST_NOW" --ca-file "$TL_PKI/root.crt" \
		-f json "${args[@]}" --target "$target" "$d/$entry") >"$d/sim.json" 2>"$d/sim.err"
	if [ ! -s "$d/sim.json" ]; then
		tl_fail "$name: tlslint simulate wrote nothing: $(cat "$d/sim.err")"
	else
		python3 "$TL_REALSERVER/simulate_compare.py" "$name" "$d/sim.json" "$SIM_HELLOS" >>"$report"
	fi
	case $server in
	nginx) ngx_stop "$d" ;;
	apache) ap_stop "$d" ;;
	haproxy) hp_stop "$d" ;;
	esac
done

while read -r line; do
	case $line in
	*" agree "*)
		read -r _ _ n _ m _ k <<<"$line"
		agree=$((agree + n)) total=$((total + m)) skipped=$((skipped + k))
		;;
	disagree*)
		read -r _ c n client _ <<<"$line"
		if grep -qF -- "$server/$c $n ${client%:} " "$KNOWN" 2>/dev/null; then
			known=$((known + 1))
			tl_log "known" "$line"
		else
			tl_fail "$line"
		fi
		;;
	*) tl_fail "simulate_compare.py: $line" ;;
	esac
done <"$report"
[ "$total" -gt 0 ] || tl_fail "no handshake compared"
[ -z "$not_started_names" ] || echo "$TL_NAME: did not start:$not_started_names"
echo "$TL_NAME: $cases cases started ($not_started did not start), $agree of $total" \
	"handshakes agree, $known known disagreements, $skipped sites on other addresses"
[ "$total" -eq 0 ] || [ $((agree + known)) -ne "$total" ] ||
	tl_pass "simulate agrees with $server on $agree of $total handshakes ($known known)"
tl_finish
