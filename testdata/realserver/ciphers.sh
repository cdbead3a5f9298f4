#!/bin/bash
# ciphers: what the real nginx and `openssl s_client` do with the cipher golden cases, so the
# messages of cipher-key-mismatch and cipher-invalid stay tied to observed behaviour (research
# A.3.3, including its "masking effect": TLS 1.3 clients succeed where TLS 1.2 clients fail).
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

# RSA certificate, TLS 1.2 only, only an ECDSA suite: alert 40 for every client.
ngx_prepare cipher-key-mismatch d
ngx_t "$d"
assert_rc "nginx -t (RSA certificate, ECDHE-ECDSA suite only)" "$NGX_T_RC" ok
if NGX_LOG_LEVEL=info ngx_start "$d"; then
	probe "$(ngx_port "$d")" www.example.test
	assert_rc "s_client" "$PROBE_RC" fail
	assert_contains "s_client" "$PROBE_OUT" 'sslv3 alert handshake failure'
	assert_contains "s_client" "$PROBE_OUT" 'SSL alert number 40'
	ngx_stop "$d"
	assert_contains "nginx error log" "$(cat "$d/error.log")" \
		'SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher) while SSL handshaking'
else
	tl_fail "nginx did not start with cipher-key-mismatch"
fi

# The neighbour with an RSA suite connects.
ngx_prepare cipher-key-mismatch-ok d
if ngx_start "$d"; then
	probe "$(ngx_port "$d")" www.example.test
	assert_rc "s_client (ECDHE-RSA suite)" "$PROBE_RC" ok
	assert_contains "s_client (ECDHE-RSA suite)" "$PROBE_OUT" 'Cipher is ECDHE-RSA-AES128-GCM-SHA256'
	ngx_stop "$d"
else
	tl_fail "nginx did not start with cipher-key-mismatch-ok"
fi

# The same bad list with TLS 1.3 on: TLS 1.3 clients succeed, TLS 1.2 clients still fail.
ngx_prepare cipher-key-mismatch-tls13 d
if ngx_start "$d"; then
	probe "$(ngx_port "$d")" www.example.test
	assert_rc "s_client (TLS 1.3 allowed)" "$PROBE_RC" ok
	assert_contains "s_client (TLS 1.3 allowed)" "$PROBE_OUT" 'New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384'
	probe "$(ngx_port "$d")" www.example.test -tls1_2
	assert_rc "s_client -tls1_2" "$PROBE_RC" fail
	assert_contains "s_client -tls1_2" "$PROBE_OUT" 'sslv3 alert handshake failure'
	assert_contains "s_client -tls1_2" "$PROBE_OUT" 'SSL alert number 40'
	ngx_stop "$d"
else
	tl_fail "nginx did not start with cipher-key-mismatch-tls13"
fi

# A string that matches nothing: nginx refuses to start.
ngx_prepare cipher-invalid d
ngx_t "$d"
assert_rc "nginx -t (ssl_ciphers NOSUCHCIPHER)" "$NGX_T_RC" fail
assert_contains "nginx -t" "$NGX_T_OUT" \
	'SSL_CTX_set_cipher_list("NOSUCHCIPHER") failed (SSL: error:0A0000B9:SSL routines::no cipher match)'

# A TLS 1.3 list that names no suite: refused too; an unknown word beside a known one is not.
ngx_prepare cipher-invalid-suites13 d
ngx_t "$d"
assert_rc "nginx -t (Ciphersuites FOO)" "$NGX_T_RC" fail
assert_contains "nginx -t" "$NGX_T_OUT" \
	'SSL_CONF_cmd("Ciphersuites", "FOO") failed (SSL: error:0A0000B9:SSL routines::no cipher match'

tl_finish
