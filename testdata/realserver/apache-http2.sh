#!/bin/bash
# apache-http2: httpd's mod_http2 refuses HTTP/2 over an RFC 7540-blocklisted suite itself.
# With server preference and a CBC suite first, ALPN still selects h2 and the handshake
# succeeds; then httpd closes the connection, so curl gets no answer at all.  Offered only
# the AEAD suite, the same client gets its page over HTTP/2.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
# shellcheck source=apache_lib.sh
source "$(dirname "$0")/apache_lib.sh"
tl_require_apache
command -v curl >/dev/null || { echo "$TL_NAME: SKIP: no curl" >&2; exit 77; }

# curl CIPHERS: an HTTP/2 request over TLS 1.2 to www.example.test; sets CURL_RC, CURL_OUT.
h2_get() {
	CURL_OUT=$(timeout 10 curl -sS -v --http2 --tlsv1.2 --tls-max 1.2 --ciphers "$1" \
		--cacert "$TL_PKI/root.crt" --resolve "www.example.test:$port:127.0.0.1" \
		"https://www.example.test:$port/" 2>&1)
	CURL_RC=$?
	tl_log "curl exit $CURL_RC" "$CURL_OUT"
}

ap_prepare http2-cipher-blocklist d
if ap_start "$d"; then
	port=$(ap_port "$d")
	h2_get ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256
	assert_contains "curl (CBC suite preferred)" "$CURL_OUT" "SSL connection using TLSv1.2 / ECDHE-RSA-AES128-SHA"
	assert_contains "curl (CBC suite preferred)" "$CURL_OUT" "ALPN: server accepted h2"
	assert_contains "curl (CBC suite preferred)" "$CURL_OUT" "Empty reply from server"
	assert_rc "curl (CBC suite preferred)" "$CURL_RC" 52
	h2_get ECDHE-RSA-AES128-GCM-SHA256
	assert_contains "curl (AEAD suite only)" "$CURL_OUT" "< HTTP/2 "
	ap_stop "$d"
else
	tl_fail "http2-cipher-blocklist: httpd did not start: $AP_LOG"
fi

tl_finish
