#!/bin/bash
# simulate-live: the REAL clients against the real servers, compared with what `tlslint
# simulate` says for the matching profile (issue 13, "live clients agree"). A handful of golden
# cases chosen to cover every outcome -- all connect, TLS 1.3 only, ECDSA-only TLS 1.2 suites
# with an RSA certificate (TLS 1.3 saves the current clients), no suite at all for an RSA
# certificate, only TLS 1.0/1.1, no intermediate sent, a name the certificate does not carry,
# an expired certificate, a leaf whose issuer only its AIA URL gives, on nginx, httpd and
# HAProxy -- are started on free ports; then curl, `openssl s_client`, `gnutls-cli`, Python
# ssl, Java 17 (JSSE) and headless Chromium connect to 127.0.0.1 with the site's name, trusting
# only the test root. Each outcome (connects, fails at
# the handshake, rejects the certificate; with version and suite where the client says) must be
# what the simulation says for that client's profile, or be listed with its cause in
# testdata/realserver/simulate-live-known.txt ("CASE NAME CLIENT  # cause").
#
# Time: the test PKI has fixed dates (testdata/pki/mk.sh). `openssl s_client -attime` pins the
# verification time, so it is compared with a simulation at TEST_NOW. The other clients verify
# at the real clock and cannot be told otherwise (no attime in gnutls-cli, Python, JSSE or
# Chromium), so they are compared with a second simulation at the real clock (--now set to it):
# the comparison is like for like on any day. The cases' certificates are valid from
# 2026-01-01 to 2026-12-31 (expired.* ended 2026-01-01); outside that year the real-clock runs
# still compare, but every one of them then fails at the certificate, and the test says so.
#
# Usage: simulate-live.sh TLSLINT   (TLSLINT_CASES=PATTERN runs only the matching cases)
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
# shellcheck source=haproxy_lib.sh
source "$(dirname "$0")/haproxy_lib.sh"

[ $# -eq 1 ] || { echo "usage: $0 TLSLINT" >&2; exit 2; }
TLSLINT=$(realpath "$1")
KNOWN=$TL_REALSERVER/simulate-live-known.txt
LIVE=$TL_REALSERVER/live
ROOT=$TL_PKI/root.crt
# Debian's python3: the python-3.11-linux profile was captured from it, not from another one
# that may come first on PATH.
PYTHON=/usr/bin/python3
# nginx/chain-ok:aia is chain-ok serving testdata/pki/aia.crt alone (mk-aia.sh): a leaf whose
# Authority Information Access names http://ca.example.test/intermediate.crt, which this test
# serves on 127.0.0.1 (Chromium's resolver maps the name there), so a client that fetches
# missing issuers connects and the others fail, as the simulation's per-family facts say.
CASES=(nginx/chain-ok nginx/client-unsupported-ecdsa nginx/client-unsupported-chain
	nginx/chain-ok:aia nginx/hostname-mismatch nginx/cipher-key-mismatch nginx/proto-no-modern
	apache/client-unsupported haproxy/cert-expired)
# Each real client and the profile it was captured as (testdata/clients/capture.py).
CLIENTS=(curl:curl-7.88-linux openssl:openssl-3.0-linux gnutls:gnutls-3.7-linux
	python:python-3.11-linux java:java-17-linux chromium:chromium-156-linux)

tl_require_nginx
tl_require_apache
tl_require_haproxy
for tool in curl gnutls-cli java chromium certutil "$PYTHON"; do
	command -v "$tool" >/dev/null ||
		{ echo "$TL_NAME: SKIP: $tool not installed; 'make check' installs it" >&2; exit 77; }
done

REAL_NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
tl_mktemp
WORK=$TL_LAST_TMP
# Chromium on Linux trusts the NSS database in $HOME/.pki/nssdb: a fresh HOME holds the test
# root alone (trust flags C: a CA for TLS servers), and a fresh profile.
mkdir -p "$WORK/home/.pki/nssdb"
if ! certutil -d "sql:$WORK/home/.pki/nssdb" -N --empty-password ||
	! certutil -d "sql:$WORK/home/.pki/nssdb" -A -t C,, -n tlslint-test-root -i "$ROOT"; then
	tl_fail "certutil could not make Chromium's NSS database"
	tl_finish
fi

# The AIA URL's server: the intermediate in DER, as CAs publish it, on a free port.
mkdir -p "$WORK/aia"
openssl x509 -in "$TL_PKI/intermediate.crt" -outform DER -out "$WORK/aia/intermediate.crt" ||
	{ tl_fail "could not write the intermediate in DER"; tl_finish; }
AIA_PORT=$(tl_free_ports 1)
(cd "$WORK/aia" && exec "$PYTHON" -m http.server --bind 127.0.0.1 "$AIA_PORT") \
	>"$WORK/aia.log" 2>&1 </dev/null &
TL_PIDS+=("$!")

# run_client CLIENT NAME PORT: one real handshake; prints "ok VERSION SUITE" ("-" for what the
# client does not report) or "fail certificate|handshake WHY", or "error WHY" when the client's
# answer fits neither (then the comparison fails: nothing is guessed).
run_client() {
	local client=$1 name=$2 port=$3 out rc
	case $client in
	curl)
		# 35: the TLS handshake failed; 60: the peer's certificate (chain, dates or name).
		out=$(timeout 20 curl -sS -v -o /dev/null --resolve "$name:$port:127.0.0.1" \
			--cacert "$ROOT" "https://$name:$port/" 2>&1)
		rc=$?
		case $rc in
		0) sed -n 's|.*SSL connection using \(TLSv[0-9.]*\) / \([A-Z0-9_-]*\).*|ok \1 \2|p' <<<"$out" |
			grep . || echo "ok - -" ;;
		35) echo "fail handshake $(grep '^curl:' <<<"$out")" ;;
		60) echo "fail certificate $(grep '^curl:' <<<"$out")" ;;
		*) echo "error curl exit $rc: $(grep '^curl:' <<<"$out")" ;;
		esac
		;;
	openssl)
		out=$(timeout 20 openssl s_client -connect "127.0.0.1:$port" -servername "$name" \
			-CAfile "$ROOT" -verify_return_error -verify_hostname "$name" \
			-attime "$TEST_NOW_EPOCH" </dev/null 2>&1)
		rc=$?
		if [ $rc -eq 0 ] && grep -q 'Verify return code: 0 (ok)' <<<"$out"; then
			sed -n 's|^New, \(TLSv[0-9.]*\), Cipher is \([A-Z0-9_-]*\)$|ok \1 \2|p' <<<"$out" | head -n 1
		elif grep -q '^verify error:' <<<"$out"; then
			echo "fail certificate $(grep -m1 '^verify error:' <<<"$out")"
		elif [ $rc -ne 0 ]; then
			echo "fail handshake $(grep -m1 -E 'alert|error:' <<<"$out")"
		else
			echo "error s_client exit 0 without a verified chain"
		fi
		;;
	gnutls)
		out=$(timeout 20 gnutls-cli --x509cafile "$ROOT" --sni-hostname "$name" \
			--verify-hostname "$name" -p "$port" 127.0.0.1 </dev/null 2>&1)
		rc=$?
		if [ $rc -eq 0 ]; then
			# "- Description: (TLS1.3-X.509)-(ECDHE-X25519)-...": the version, not the suite.
			sed -n 's|^- Description: (TLS\([0-9.]*\)-.*|ok TLSv\1 -|p' <<<"$out" | grep . ||
				echo "ok - -"
		elif grep -qE 'certificate is NOT trusted|Error in the certificate' <<<"$out"; then
			echo "fail certificate $(grep -m1 'Status:' <<<"$out")"
		elif grep -qE 'Handshake failed|Fatal error|Received alert' <<<"$out"; then
			echo "fail handshake $(grep -m1 -E 'Fatal error|alert' <<<"$out")"
		else
			echo "error gnutls-cli exit $rc"
		fi
		;;
	python) timeout 20 "$PYTHON" "$LIVE/live_client.py" "$name" "$port" "$ROOT" 2>&1 ;;
	java) timeout 60 java "$LIVE/LiveClient.java" "$name" "$port" "$ROOT" 2>&1 ;;
	chromium)
		# The net error is logged on stderr (ERR_CERT_* for the chain, ERR_SSL_* for the
		# handshake); a page that loaded is in the dumped DOM.
		out=$(HOME=$WORK/home timeout 60 chromium --headless=new --disable-gpu --no-sandbox \
			--user-data-dir="$WORK/chromium-profile" \
			--host-resolver-rules="MAP $name 127.0.0.1, MAP ca.example.test 127.0.0.1:$AIA_PORT" \
			--dump-dom "https://$name:$port/" 2>&1 >"$WORK/dom")
		local err
		err=$(grep -o 'ERR_[A-Z_]*' <<<"$out" | grep -v '^ERR_$' | head -n 1)
		case $err in
		ERR_CERT_*) echo "fail certificate $err" ;;
		ERR_SSL_* | ERR_CONNECTION_* | ERR_BAD_SSL_*) echo "fail handshake $err" ;;
		'') if [ -s "$WORK/dom" ]; then echo "ok - -"; else echo "error chromium loaded nothing"; fi ;;
		*) echo "error chromium $err" ;;
		esac
		;;
	esac
}

agree=0 total=0 known=0 real_ok=0 pinned_stages=" "
for case in "${CASES[@]}"; do
	server=${case%%/*} name=${case#*/} variant=
	[[ $name == *:* ]] && variant=${name#*:} name=${name%%:*}
	# shellcheck disable=SC2053 # a pattern, to run some cases by hand
	[[ $case == */${TLSLINT_CASES:-*} ]] || continue
	case $server in
	nginx) ngx_prepare "$name" d && ngx_start "$d" ; entry=nginx.conf
		target=nginx=$("$TL_NGINX" -v 2>&1 | sed -n 's|.*nginx/\([0-9.]*\).*|\1|p') ;;
	apache) ap_prepare "$name" d && ap_start "$d" ; entry=apache2.conf
		target=apache=$("$TL_APACHE" -v | sed -n 's|.*Apache/\([0-9.]*\).*|\1|p') ;;
	haproxy) hp_prepare "$name" d && hp_start "$d" ; entry=haproxy.cfg
		target=haproxy=$("$TL_HAPROXY" -v | sed -n 's|.*version \([0-9]*\.[0-9]*\).*|\1|p') ;;
	esac || { tl_fail "$case: the server did not start"; continue; }
	if [ "$variant" = aia ]; then
		ngx_stop "$d"
		sed -i -e "s|$TL_PKI/www.fullchain.crt|$TL_PKI/aia.crt|" -e "s|$TL_PKI/www.key|$TL_PKI/aia.key|" \
			-e 's|server_name www.example.test|server_name aia.example.test|' "$d/nginx.conf"
		ngx_start "$d" || { tl_fail "$case: nginx did not start"; continue; }
	fi
	args=()
	if [ -f "$d/args" ]; then
		mapfile -t extra <"$d/args"
		for a in "${extra[@]}"; do
			case $a in
			testdata/*) args+=("$TL_TESTDATA/${a#testdata/}") ;;
			?*) args+=("${a//\/pki\//$TL_PKI/}") ;;
			esac
		done
	fi
	simulated=yes
	for when in pinned real; do
		now=$TEST_NOW
		[ $when = real ] && now=$REAL_NOW
		# Exit 1 only says a --require-clients client fails: the JSON is what counts.
		(cd "$d" && "$TLSLINT" simulate --now "$now" --ca-file "$ROOT" --target "$target" \
			-f json "${args[@]}" "$d/$entry") >"$d/sim-$when.json" 2>"$d/sim-$when.err"
		[ -s "$d/sim-$when.json" ] || {
			tl_fail "$case: tlslint simulate --now $now wrote nothing: $(cat "$d/sim-$when.err")"
			simulated=no
		}
	done
	[ $simulated = yes ] || continue
	sites=$(python3 "$LIVE/live_sim.py" sites "$d/sim-pinned.json")
	[ -n "$sites" ] || tl_fail "$case: the simulation reports no site on 127.0.0.1"
	while read -r site port; do
		[ -n "$site" ] || continue
		for pair in "${CLIENTS[@]}"; do
			client=${pair%%:*} profile=${pair#*:}
			when=real
			[ "$client" = openssl ] && when=pinned
			outcome=$(run_client "$client" "$site" "$port")
			verdict=$(python3 "$LIVE/live_sim.py" compare "$d/sim-$when.json" "$site" "$port" \
				"$profile" "$outcome")
			total=$((total + 1))
			stage=${outcome%% *}
			[ "$stage" = fail ] && stage=$(cut -d' ' -f2 <<<"$outcome")
			if [ $when = pinned ]; then
				pinned_stages+="$stage "
			elif [ "$stage" = ok ]; then
				real_ok=$((real_ok + 1))
			fi
			tl_log "$case $site $client" "$outcome -> $verdict"
			if [ "$verdict" = agree ]; then
				agree=$((agree + 1))
				printf '%s: %-32s %-9s %s\n' "$TL_NAME" "$case" "$client" "$outcome"
			elif grep -qE "^$case $site $client( |$)" "$KNOWN" 2>/dev/null; then
				known=$((known + 1))
				echo "$TL_NAME: known: $case $site $client: $verdict"
			else
				tl_fail "$case $site $client: $verdict"
			fi
		done
	done <<<"$sites"
	case $server in
	nginx) ngx_stop "$d" ;;
	apache) ap_stop "$d" ;;
	haproxy) hp_stop "$d" ;;
	esac
done

[ "$total" -gt 0 ] || tl_fail "no client ran"
# Chromium's success on the AIA case must come from its fetch, not from a chain sent after all.
# shellcheck disable=SC2053 # a pattern, as above
if [[ -z ${TLSLINT_CASES:-} || chain-ok:aia == ${TLSLINT_CASES} ]]; then
	grep -q 'GET /intermediate.crt' "$WORK/aia.log" ||
		tl_fail "nobody fetched the intermediate from the AIA URL"
fi
if [ -z "${TLSLINT_CASES:-}" ]; then
	# A comparison that never sees a client connect, or fail, proves little: the cases are
	# chosen so that the pinned runs always show all three outcomes.
	for stage in ok certificate handshake; do
		[[ $pinned_stages == *" $stage "* ]] || tl_fail "no s_client run had the outcome $stage"
	done
	[ "$real_ok" -gt 0 ] || echo "$TL_NAME: NOTE: no client connected at the real clock" \
		"($REAL_NOW): the test PKI's leaves are outside their validity; regenerate it" \
		"(testdata/pki/mk.sh) to compare successes again"
fi
echo "$TL_NAME: $agree of $total live client runs agree ($known known disagreements," \
	"simulated at $TEST_NOW for s_client -attime, at $REAL_NOW for the others)"
tl_finish
