#!/bin/bash
# haproxy-handshakes: what clients get from the real HAProxy (Debian's 2.6) on the golden cases
# whose findings say so, probed with openssl s_client.
#   crt-dir   the certificate follows SNI through the names inside the certificates; a name
#             no certificate has (api.example.test, routed on by the config) and no SNI at all
#             get the first file of the directory: tlslint's cert-hostname-mismatch.
#   crt-list  a filter name (shop.example.test) the certificate lacks; "!" keeps a name away
#             from the wildcard; the line's own options (TLS 1.0, its ciphers) apply to its
#             names only.
#   key-sidecar  the key read from "side.pem.key" serves.
#   cipher-default, dh-weak, dh-default-param, dhe-without-params  the facts: server cipher
#             order by default, tickets on, client renegotiation refused, no DHE without DH
#             parameters, DHE refused with 1024-bit ones (HAProxy starts anyway), HAProxy's own
#             2048-bit group with tune.ssl.default-dh-param 2048.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=haproxy_lib.sh
source "$(dirname "$0")/haproxy_lib.sh"
tl_require_haproxy

# hp_port DIR: the first 127.0.0.1 bind port of DIR/haproxy.cfg.
hp_port() {
	grep -o '^[[:space:]]*bind[[:space:]]*127\.0\.0\.1:[0-9]*' "$1/haproxy.cfg" | head -n 1 | sed 's/.*://'
}

# start CASE VAR: prepare and start CASE; sets VAR to its directory and PORT.
start() {
	hp_prepare "$1" "$2"
	if ! hp_start "${!2}"; then
		tl_fail "$1: haproxy did not start: $HP_LOG"
		tl_finish
	fi
	PORT=$(hp_port "${!2}")
}

start crt-dir d
probe "$PORT" www.example.test
assert_contains "crt-dir: www" "$PROBE_OUT" "Verify return code: 0 (ok)"
assert_contains "crt-dir: www gets a-www.pem" "$PROBE_OUT" "0 s:CN = www.example.test"
probe "$PORT" other.example.test
assert_contains "crt-dir: other gets b-other.pem" "$PROBE_OUT" "0 s:CN = other.example.test"
assert_contains "crt-dir: other" "$PROBE_OUT" "Verify return code: 0 (ok)"
probe "$PORT" api.example.test
assert_contains "crt-dir: api gets the default certificate" "$PROBE_OUT" "0 s:CN = www.example.test"
assert_contains "crt-dir: api, as cert-hostname-mismatch says" "$PROBE_OUT" \
	"verify error:num=62:hostname mismatch"
PROBE_OUT=$(timeout 10 openssl s_client -connect "127.0.0.1:$PORT" -noservername </dev/null 2>&1)
assert_contains "crt-dir: no SNI gets the first file" "$PROBE_OUT" "0 s:CN = www.example.test"
hp_stop "$d"

start crt-list l
probe "$PORT" shop.example.test
assert_contains "crt-list: shop gets www.pem" "$PROBE_OUT" "0 s:CN = www.example.test"
assert_contains "crt-list: shop, as cert-hostname-mismatch says" "$PROBE_OUT" \
	"verify error:num=62:hostname mismatch"
probe "$PORT" foo.example.test
assert_contains "crt-list: foo gets the wildcard" "$PROBE_OUT" "0 s:CN = *.example.test"
probe "$PORT" www.example.test
assert_contains "crt-list: www is excluded from the wildcard" "$PROBE_OUT" "0 s:CN = www.example.test"
probe "$PORT" other.example.test
assert_contains "crt-list: other, no filter: its certificate's names" "$PROBE_OUT" \
	"0 s:CN = other.example.test"
probe "$PORT" foo.example.test -tls1 -cipher 'DEFAULT@SECLEVEL=0'
assert_contains "crt-list: the wildcard line's TLS 1.0 (proto-legacy)" "$PROBE_OUT" "New, TLSv1.0, Cipher is"
probe "$PORT" www.example.test -tls1 -cipher 'DEFAULT@SECLEVEL=0'
assert_contains "crt-list: www has the bind line's versions" "$PROBE_OUT" "alert protocol version"
hp_stop "$l"

start key-sidecar k
probe "$PORT" www.example.test
assert_contains "key-sidecar: the key beside the PEM serves" "$PROBE_OUT" "Verify return code: 0 (ok)"
hp_stop "$k"

start cipher-default c
# Server preference by default: the client's first choice (AES128) loses to the server's.
probe "$PORT" www.example.test -tls1_2 -cipher 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384'
assert_contains "cipher-default: the server's order" "$PROBE_OUT" "Cipher is ECDHE-RSA-AES256-GCM-SHA384"
assert_contains "cipher-default: session tickets on" "$PROBE_OUT" "TLS session ticket lifetime hint"
probe "$PORT" www.example.test -tls1_2 -cipher 'AES128-GCM-SHA256'
assert_contains "cipher-default: static RSA reachable (cipher-no-pfs)" "$PROBE_OUT" \
	"Cipher is AES128-GCM-SHA256"
probe "$PORT" www.example.test -tls1_2 -cipher 'DHE-RSA-AES128-GCM-SHA256'
assert_contains "cipher-default: no DHE without DH parameters" "$PROBE_OUT" "alert handshake failure"
PROBE_OUT=$( (echo R; sleep 1) | timeout 10 openssl s_client -connect "127.0.0.1:$PORT" \
	-servername www.example.test -tls1_2 2>&1)
assert_contains "cipher-default: client renegotiation refused" "$PROBE_OUT" "no renegotiation"
hp_stop "$c"

start dh-weak w
assert_contains "dh-weak: haproxy starts, warning" "$(cat "$w/haproxy.log")" \
	"DH ciphers won't be available"
probe "$PORT" www.example.test -tls1_2 -cipher 'DHE-RSA-AES128-GCM-SHA256'
assert_contains "dh-weak: DHE handshakes fail" "$PROBE_OUT" "alert handshake failure"
probe "$PORT" www.example.test -tls1_2 -cipher 'ECDHE-RSA-AES128-GCM-SHA256'
assert_contains "dh-weak: ECDHE works" "$PROBE_OUT" "Cipher is ECDHE-RSA-AES128-GCM-SHA256"
hp_stop "$w"

start dh-default-param p
probe "$PORT" www.example.test -tls1_2 -cipher 'DHE-RSA-AES128-GCM-SHA256'
assert_contains "dh-default-param: DHE with HAProxy's own group" "$PROBE_OUT" \
	"Cipher is DHE-RSA-AES128-GCM-SHA256"
assert_contains "dh-default-param: 2048 bits" "$PROBE_OUT" "Server Temp Key: DH, 2048 bits"
hp_stop "$p"

start dhe-without-params n
probe "$PORT" www.example.test -tls1_2
assert_contains "dhe-without-params: no suite works (cipher-none-for-protocol)" "$PROBE_OUT" \
	"alert handshake failure"
hp_stop "$n"

tl_finish
