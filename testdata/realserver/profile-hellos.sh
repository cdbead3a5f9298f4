#!/bin/bash
# profile-hellos: every client profile's ClientHello as tlslint builds it (src/sim/hello_build.c:
# captured hellos with the name replaced, legacy ones encoded from their parameters with real key
# shares) is answered by a real `openssl s_server` exactly as tlslint's first flight
# (src/sim/first_flight.c) says: the same version, suite and group, HelloRetryRequest or alert,
# profile by profile, under three server settings, with a name and without one.
# Usage: profile-hellos.sh SIM_HELLOS FIRST_FLIGHT_PROBE
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
command -v openssl >/dev/null || { echo "$TL_NAME: SKIP: no openssl CLI" >&2; exit 77; }
SIM_HELLOS=$1
PROBE=$2

# scenario TITLE NAME CIPHERS VERSIONS(probe) GROUPS(probe, - default) S_SERVER-ARGS...
scenario() {
	local title=$1 name=$2 ciphers=$3 versions=$4 groups=$5 port pid i real ours n
	shift 5
	tl_mktemp
	if ! "$SIM_HELLOS" "$name" "$TL_LAST_TMP"; then
		tl_fail "$title: sim_hellos failed"
		return
	fi
	port=$(tl_free_ports 1)
	openssl s_server -accept "127.0.0.1:$port" -cert "$TL_PKI/www.fullchain.crt" \
		-key "$TL_PKI/www.key" -cipher "$ciphers" -quiet "$@" \
		>"$TL_LAST_TMP/s_server.log" 2>&1 </dev/null &
	pid=$!
	TL_PIDS+=("$pid")
	for ((i = 0; i < 50; i++)); do
		tl_port_open "$port" && break
		sleep 0.1
	done
	real=$(timeout 120 python3 "$TL_REALSERVER/replay_hello.py" "$port" "$TL_LAST_TMP"/*.bin)
	tl_kill "$pid"
	ours=$("$PROBE" "$TL_PKI/www.fullchain.crt" "$TL_PKI/www.key" "$ciphers" "$versions" \
		"$groups" "$TL_LAST_TMP"/*.bin)
	n=$(find "$TL_LAST_TMP" -name '*.bin' | wc -l)
	tl_log "$title: s_server" "$real"
	if [ "$real" = "$ours" ] && [ "$(wc -l <<<"$real")" -eq "$n" ] && [ "$n" -ge 30 ]; then
		tl_pass "$title: $n profiles, the same answer as openssl s_server"
	else
		tl_fail "$title: first flights differ (s_server, then tlslint):"
		diff <(echo "$real") <(echo "$ours") | sed 's/^/    /'
	fi
}

scenario "TLS 1.2-1.3, OpenSSL's defaults" www.example.test DEFAULT 1.2-1.3 - \
	-min_protocol TLSv1.2
scenario "the same without a name" - DEFAULT 1.2-1.3 - -min_protocol TLSv1.2
scenario "TLS 1.2, ECDHE and static RSA" www.example.test \
	'ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA' 1.2 - -tls1_2
scenario "TLS 1.3, P-384 only (HelloRetryRequest)" www.example.test DEFAULT 1.3 P-384 \
	-tls1_3 -groups P-384
tl_finish
