#!/bin/bash
# early-data: nginx with ssl_early_data on (testdata/nginx/early-data) accepts 0-RTT: a client
# that resumes a TLS 1.3 session sends its request in the first flight and nginx answers it,
# before the handshake has proved the request is not a replay. The session-ticket control:
# the first connection gets a ticket that allows early data ("Max Early Data").
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

ngx_prepare early-data d
if ! ngx_start "$d"; then
	tl_fail "early-data: nginx did not start"
	tl_finish
fi
port=$(ngx_port "$d")
out=$( (sleep 1) | timeout 10 openssl s_client -connect "127.0.0.1:$port" -servername www.example.test \
	-tls1_3 -sess_out "$d/sess.pem" 2>&1)
tl_log "first connection" "$out"
assert_contains "the ticket allows early data" "$out" "Max Early Data: "
printf 'GET / HTTP/1.1\r\nHost: www.example.test\r\nConnection: close\r\n\r\n' >"$d/early.txt"
out=$( (sleep 1) | timeout 10 openssl s_client -connect "127.0.0.1:$port" -servername www.example.test \
	-tls1_3 -sess_in "$d/sess.pem" -early_data "$d/early.txt" 2>&1)
tl_log "resumed with early data" "$out"
assert_contains "nginx accepts the 0-RTT request (early-data)" "$out" "Early data was accepted"
assert_contains "and answers it" "$out" "HTTP/1.1 200 OK"
ngx_stop "$d"
tl_finish
