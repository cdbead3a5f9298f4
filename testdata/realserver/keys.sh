#!/bin/bash
# keys: what the real nginx and `openssl s_client` do with the key-family and leaf-property
# golden cases, so the messages of key-mismatch, key-encrypted, cert-weak-key, cert-is-ca and
# cert-eku stay tied to observed behaviour (research B.1 NGX-KEY-TYPE, NGX-PASSWORD, A.3.9).
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

# Refused at nginx -t: same-type mismatch, encrypted key without a password, RSA 1024.
ngx_prepare key-mismatch d
ngx_t "$d"
assert_rc "nginx -t (RSA certificate, other RSA key)" "$NGX_T_RC" fail
assert_contains "nginx -t" "$NGX_T_OUT" \
	'failed (SSL: error:05800074:x509 certificate routines::key values mismatch)'

ngx_prepare key-encrypted d
ngx_t "$d"
assert_rc "nginx -t (encrypted key, no ssl_password_file)" "$NGX_T_RC" fail
assert_contains "nginx -t" "$NGX_T_OUT" 'PEM_read_bio_PrivateKey() failed'
assert_contains "nginx -t" "$NGX_T_OUT" 'PEM routines::bad password read'

ngx_prepare key-encrypted-wrong d
ngx_t "$d"
assert_rc "nginx -t (legacy encrypted key, wrong passwords)" "$NGX_T_RC" fail
assert_contains "nginx -t" "$NGX_T_OUT" 'PEM routines::bad decrypt'

ngx_prepare key-encrypted-ok d
ngx_t "$d"
assert_rc "nginx -t (both encrypted forms, right password on line 2)" "$NGX_T_RC" ok

ngx_prepare cert-weak-key d
ngx_t "$d"
assert_rc "nginx -t (RSA 1024)" "$NGX_T_RC" fail
assert_contains "nginx -t" "$NGX_T_OUT" \
	'SSL_CTX_use_certificate("'
assert_contains "nginx -t" "$NGX_T_OUT" \
	'failed (SSL: error:0A00018F:SSL routines::ee key too small)'

# RSA certificate with an EC key: nginx starts, every handshake fails with alert 40.
ngx_prepare key-mismatch-type d
ngx_t "$d"
assert_rc "nginx -t (RSA certificate, EC key)" "$NGX_T_RC" ok
if NGX_LOG_LEVEL=info ngx_start "$d"; then
	probe "$(ngx_port "$d")" www.example.test
	assert_rc "s_client www.example.test" "$PROBE_RC" fail
	assert_contains "s_client www.example.test" "$PROBE_OUT" \
		'sslv3 alert handshake failure'
	assert_contains "s_client www.example.test" "$PROBE_OUT" 'SSL alert number 40'
	probe "$(ngx_port "$d")" www.example.test -tls1_2
	assert_contains "s_client -tls1_2 www.example.test" "$PROBE_OUT" 'SSL alert number 40'
	ngx_stop "$d"
	assert_contains "nginx error log" "$(cat "$d/error.log")" \
		'SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher) while SSL handshaking'
else
	tl_fail "nginx did not start with key-mismatch-type"
fi

# CA:TRUE leaf: OpenSSL accepts it, also with the sslserver purpose and -x509_strict;
# only Firefox (not testable here) refuses it.
ngx_prepare cert-is-ca d
if ngx_start "$d"; then
	for extra in "" "-purpose sslserver" "-x509_strict"; do
		# shellcheck disable=SC2086
		probe "$(ngx_port "$d")" caleaf.example.test $extra
		assert_rc "s_client $extra caleaf.example.test" "$PROBE_RC" ok
		assert_contains "s_client $extra caleaf.example.test" "$PROBE_OUT" \
			'Verify return code: 0 (ok)'
	done
	ngx_stop "$d"
else
	tl_fail "nginx did not start with cert-is-ca"
fi

# clientAuth-only EKU: libssl verifies servers with the sslserver purpose by default.
ngx_prepare cert-eku d
if ngx_start "$d"; then
	for extra in "" "-purpose sslserver"; do
		# shellcheck disable=SC2086
		probe "$(ngx_port "$d")" clientauth.example.test $extra
		assert_rc "s_client $extra clientauth.example.test" "$PROBE_RC" fail
		assert_contains "s_client $extra clientauth.example.test" "$PROBE_OUT" \
			'verify error:num=26:unsuitable certificate purpose'
	done
	ngx_stop "$d"
else
	tl_fail "nginx did not start with cert-eku"
fi

tl_finish
