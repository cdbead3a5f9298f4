#!/bin/bash
# options: what the real nginx does with TLS options, the facts the model's options set is built
# from (parsers/nginx_facts.c, src/effective.c): an OpenSSL "Options ServerPreference" command
# gives the server's cipher order even under ssl_prefer_server_ciphers off, and renegotiation is
# refused even when "Options ClientRenegotiation" asks for it, because nginx sets
# SSL_OP_NO_RENEGOTIATION on every connection after the commands ran.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

CLIENT_ORDER=ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA

# The command's preference: the server's first suite, though the client puts GCM first.
ngx_prepare http2-cipher-blocklist-options d
if ngx_start "$d"; then
	port=$(ngx_port "$d")
	probe "$port" www.example.test -tls1_2 -cipher "$CLIENT_ORDER"
	assert_contains "s_client (Options ServerPreference)" "$PROBE_OUT" 'Cipher is ECDHE-RSA-AES128-SHA'
	# s_client's "R" asks for a renegotiation; nginx answers no_renegotiation.
	RENEG_OUT=$( (printf 'R\n'; sleep 2) | timeout 10 openssl s_client -connect "127.0.0.1:$port" \
		-servername www.example.test -tls1_2 2>&1)
	tl_log "s_client R" "$RENEG_OUT"
	assert_contains "s_client R (Options ClientRenegotiation)" "$RENEG_OUT" 'RENEGOTIATING'
	assert_contains "s_client R (Options ClientRenegotiation)" "$RENEG_OUT" 'no renegotiation'
	ngx_stop "$d"
else
	tl_fail "nginx did not start with http2-cipher-blocklist-options"
fi

# The same server without the command: ssl_prefer_server_ciphers off leaves the client's order.
ngx_prepare http2-cipher-blocklist-options d
sed -i '/ssl_conf_command/d' "$d/nginx.conf"
if ngx_start "$d"; then
	probe "$(ngx_port "$d")" www.example.test -tls1_2 -cipher "$CLIENT_ORDER"
	assert_contains "s_client (no command)" "$PROBE_OUT" 'Cipher is ECDHE-RSA-AES128-GCM-SHA256'
	ngx_stop "$d"
else
	tl_fail "nginx did not start without the command"
fi

tl_finish
