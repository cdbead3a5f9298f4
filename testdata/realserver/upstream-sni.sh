#!/bin/bash
# upstream-sni: nginx sends no SNI to a TLS backend unless proxy_ssl_server_name is on
# (testdata/nginx/upstream-no-sni). The backend, on the same nginx, refuses handshakes without
# a name it knows (ssl_reject_handshake on its default server): "/" (the default, no SNI) gets
# 502 Bad Gateway, "/sni/" (proxy_ssl_server_name on) gets the backend's answer.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx
command -v curl >/dev/null || { echo "$TL_NAME: SKIP: no curl" >&2; exit 77; }

ngx_prepare upstream-no-sni d
if ! ngx_start "$d"; then
	tl_fail "upstream-no-sni: nginx did not start"
	tl_finish
fi
port=$(grep -o "listen 127\.0\.0\.1:[0-9]*" "$d/nginx.conf" | head -n 1 | cut -d: -f2)
get() {
	CURL_OUT=$(timeout 10 curl -sS -i --cacert "$TL_PKI/root.crt" \
		--resolve "www.example.test:$port:127.0.0.1" "https://www.example.test:$port$1" 2>&1)
	tl_log "curl $1" "$CURL_OUT"
}
get /
assert_contains "no SNI to the backend (upstream-no-sni)" "$CURL_OUT" "HTTP/1.1 502 Bad Gateway"
get /sni/
assert_contains "with proxy_ssl_server_name on" "$CURL_OUT" "HTTP/1.1 200 OK"
assert_contains "with proxy_ssl_server_name on, the backend answers" "$CURL_OUT" "backend"
ngx_stop "$d"
tl_finish
