#!/bin/bash
# protocols: what the real nginx and `openssl s_client` do with the protocol, DH and group
# settings that proto-*, dh-weak and curve-weak report.
#
# - proto-inherited: ssl_protocols TLSv1.2 at http level, written after the server block,
#   still applies to it: TLS 1.3 gets the protocol-version alert, TLS 1.2 works.
# - proto-vhost-ignored: on nginx before 1.29.2 a non-default server's own
#   `ssl_protocols TLSv1.3` is ignored; selected by SNI it still accepts TLS 1.2 (the default
#   server's versions) and refuses TLS 1.3 (research B.1 NGX-PROTO-VHOST).  Only asserted on
#   nginx < 1.29.2, where tlslint reports it.
# - dh-weak: 1024-bit ssl_dhparam stops nginx at OpenSSL security level 2 (Debian).
# - curve-weak: with only secp224r1, a client offering X25519/P-256/P-384 gets no TLS 1.3
#   and no ECDHE.
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

ngx_prepare proto-inherited inh
if ngx_start "$inh"; then
	probe "$(ngx_port "$inh")" www.example.test -tls1_3
	assert_rc "s_client -tls1_3 (http-level TLSv1.2)" "$PROBE_RC" fail
	assert_contains "s_client -tls1_3" "$PROBE_OUT" "tlsv1 alert protocol version"
	assert_contains "s_client -tls1_3" "$PROBE_OUT" "SSL alert number 70"
	probe "$(ngx_port "$inh")" www.example.test -tls1_2
	assert_rc "s_client -tls1_2 (http-level TLSv1.2)" "$PROBE_RC" ok
	assert_contains "s_client -tls1_2" "$PROBE_OUT" "Protocol  : TLSv1.2"
	ngx_stop "$inh"
else
	tl_fail "nginx did not start proto-inherited"
fi

version=$("$TL_NGINX" -v 2>&1 | sed -n 's|.*nginx/\([0-9.]*\).*|\1|p')
if [ "$(printf '%s\n1.29.2\n' "$version" | sort -V | head -n 1)" != 1.29.2 ]; then
	ngx_prepare proto-vhost-ignored vh
	if ngx_start "$vh"; then
		probe "$(ngx_port "$vh")" www.example.test -tls1_2
		assert_rc "s_client -tls1_2 to the TLSv1.3-only vhost (nginx $version)" "$PROBE_RC" ok
		assert_contains "s_client -tls1_2 to the vhost" "$PROBE_OUT" "Protocol  : TLSv1.2"
		probe "$(ngx_port "$vh")" www.example.test -tls1_3
		assert_rc "s_client -tls1_3 to the TLSv1.3-only vhost" "$PROBE_RC" fail
		assert_contains "s_client -tls1_3 to the vhost" "$PROBE_OUT" \
			"tlsv1 alert protocol version"
		ngx_stop "$vh"
	else
		tl_fail "nginx did not start proto-vhost-ignored"
	fi
else
	tl_pass "nginx $version honours ssl_protocols per server; vhost scenario not applicable"
fi

ngx_prepare dh-weak dh
ngx_t "$dh"
assert_rc "nginx -t (ssl_dhparam dhparam1024.pem)" "$NGX_T_RC" fail
assert_contains "nginx -t" "$NGX_T_OUT" \
	'failed (SSL: error:0A00018A:SSL routines::dh key too small)'
assert_contains "nginx -t" "$NGX_T_OUT" 'SSL_CTX_set_tmp_dh("'

ngx_prepare dh-ok dhok
ngx_t "$dhok"
assert_rc "nginx -t (ssl_dhparam dhparam2048.pem)" "$NGX_T_RC" ok

ngx_prepare curve-weak cw
if ngx_start "$cw"; then
	probe "$(ngx_port "$cw")" www.example.test -groups X25519:P-256:P-384 -tls1_3
	assert_rc "s_client -tls1_3 vs secp224r1 only" "$PROBE_RC" fail
	assert_contains "s_client -tls1_3 vs secp224r1" "$PROBE_OUT" "tlsv1 alert protocol version"
	probe "$(ngx_port "$cw")" www.example.test -groups X25519:P-256:P-384 -tls1_2 -cipher ECDHE:DHE
	assert_rc "s_client ECDHE/DHE only vs secp224r1 only" "$PROBE_RC" fail
	assert_contains "s_client ECDHE/DHE vs secp224r1" "$PROBE_OUT" \
		"sslv3 alert handshake failure"
	probe "$(ngx_port "$cw")" www.example.test -groups X25519:P-256:P-384
	assert_rc "s_client default vs secp224r1 only" "$PROBE_RC" ok
	assert_contains "s_client default vs secp224r1" "$PROBE_OUT" \
		"New, TLSv1.2, Cipher is AES256-GCM-SHA384"
	ngx_stop "$cw"
else
	tl_fail "nginx did not start curve-weak"
fi

ngx_prepare curve-unknown cu
ngx_t "$cu"
assert_rc "nginx -t (ssl_ecdh_curve foo:prime256v1)" "$NGX_T_RC" fail
assert_contains "nginx -t" "$NGX_T_OUT" \
	"SSL_CTX_set1_curves_list(\"foo:prime256v1\") failed (SSL: error:0A080106:SSL routines::passed invalid argument:group 'foo' cannot be set)"

tl_finish
