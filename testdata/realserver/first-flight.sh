#!/bin/bash
# first-flight: the server's answer to a client's first flight as tlslint computes it
# (src/sim/first_flight.c: real OpenSSL, the hello through memory BIOs) is what the real
# nginx answers to the same bytes. Each captured ClientHello of testdata/clients/hello is
# replayed to nginx on a free port and fed to first_flight_probe with the same settings; the
# negotiated version, suite and group (or HelloRetryRequest, or alert) must agree, client by
# client, for five server settings.
# Usage: first-flight.sh FIRST_FLIGHT_PROBE
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx
PROBE=$1
HELLOS=("$TL_TESTDATA"/clients/hello/*.bin)

# scenario NAME PROTOCOLS(nginx) CIPHERS CURVE(nginx, auto = OpenSSL's list) VERSIONS(probe)
scenario() {
	local name=$1 protocols=$2 ciphers=$3 curve=$4 versions=$5 src groups=-
	tl_mktemp
	src=$TL_LAST_TMP
	cat >"$src/nginx.conf" <<CONF
events {}
http {
    access_log off;
    server {
        listen 127.0.0.1:18990 ssl;
        server_name www.example.test;
        ssl_certificate     /pki/www.fullchain.crt;
        ssl_certificate_key /pki/www.key;
        ssl_protocols $protocols;
        ssl_ciphers $ciphers;
        ssl_ecdh_curve $curve;
    }
}
CONF
	[ "$curve" = auto ] || groups=$curve
	ngx_prepare "$src" d
	if ! ngx_start "$d"; then
		tl_fail "$name: nginx did not start"
		return
	fi
	real=$(python3 "$TL_REALSERVER/replay_hello.py" "$(ngx_port "$d")" "${HELLOS[@]}")
	ngx_stop "$d"
	ours=$("$PROBE" "$TL_PKI/www.fullchain.crt" "$TL_PKI/www.key" "$ciphers" "$versions" \
		"$groups" "${HELLOS[@]}")
	tl_log "$name: nginx" "$real"
	if [ "$real" = "$ours" ] && [ "$(wc -l <<<"$real")" -eq "${#HELLOS[@]}" ]; then
		tl_pass "$name: ${#HELLOS[@]} clients, the same answer as nginx"
	else
		tl_fail "$name: first flights differ (nginx, then tlslint):"
		diff <(echo "$real") <(echo "$ours") | sed 's/^/    /'
	fi
}

scenario "TLS 1.2-1.3, nginx default ciphers" "TLSv1.2 TLSv1.3" 'HIGH:!aNULL:!MD5' auto 1.2-1.3
scenario "TLS 1.2, ECDHE and static RSA" TLSv1.2 'ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA' auto 1.2
scenario "TLS 1.3, P-384 only (HelloRetryRequest)" TLSv1.3 'HIGH:!aNULL:!MD5' secp384r1 1.3
scenario "TLS 1.2, DHE only and no DH parameters (alert 40)" TLSv1.2 'DHE-RSA-CHACHA20-POLY1305' auto 1.2
scenario "TLS 1.2, the client's order decides" TLSv1.2 'AES256-SHA256:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES256-SHA' auto 1.2
tl_finish
