#!/bin/bash
# hostname-mismatch: nginx serves the www certificate (SAN www.example.test, example.test) for
# server_name other.example.test; nginx -t passes and a client verifying other.example.test
# fails with "hostname mismatch" (research A.3.7).  Neighbour hostname-mismatch-ok serves the
# other certificate and verifies.  cert-no-san: the CN-only certificate, which OpenSSL's
# s_client still accepts through the CN (OpenSSL's default host check falls back to the CN
# when a certificate has no DNS names), while Chrome, Firefox and Go reject it.
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

ngx_prepare hostname-mismatch d
ngx_t "$d"
assert_rc "nginx -t (www certificate on other.example.test)" "$NGX_T_RC" ok
if ngx_start "$d"; then
	probe "$(ngx_port "$d")" other.example.test
	assert_rc "s_client other.example.test" "$PROBE_RC" fail
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'depth=0 CN = www.example.test'
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'verify error:num=62:hostname mismatch'
	assert_contains "s_client other.example.test" "$PROBE_OUT" \
		'error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed'
	# The certificate itself is fine: the chain verifies for a name it covers.
	probe "$(ngx_port "$d")" www.example.test
	assert_contains "s_client www.example.test" "$PROBE_OUT" 'Verify return code: 0 (ok)'
	ngx_stop "$d"
else
	tl_fail "nginx did not start with hostname-mismatch"
fi

ngx_prepare hostname-mismatch-ok ok
ngx_t "$ok"
assert_rc "nginx -t (other certificate)" "$NGX_T_RC" ok
if ngx_start "$ok"; then
	probe "$(ngx_port "$ok")" other.example.test
	assert_rc "s_client other.example.test" "$PROBE_RC" ok
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'subject=CN = other.example.test'
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'Verify return code: 0 (ok)'
	ngx_stop "$ok"
else
	tl_fail "nginx did not start with hostname-mismatch-ok"
fi

# The served certificate really has no subjectAltName (the www one, for contrast, has).
san=$(openssl x509 -in "$TL_PKI/cnonly.crt" -noout -ext subjectAltName 2>&1)
assert_not_contains "openssl x509 -ext subjectAltName cnonly.crt" "$san" 'DNS:'
san=$(openssl x509 -in "$TL_PKI/www.crt" -noout -ext subjectAltName 2>&1)
assert_contains "openssl x509 -ext subjectAltName www.crt" "$san" 'DNS:www.example.test'

ngx_prepare cert-no-san cn
ngx_t "$cn"
assert_rc "nginx -t (CN-only certificate)" "$NGX_T_RC" ok
if ngx_start "$cn"; then
	probe "$(ngx_port "$cn")" cnonly.example.test
	assert_rc "s_client cnonly.example.test (CN only)" "$PROBE_RC" ok
	assert_contains "s_client cnonly.example.test" "$PROBE_OUT" 'subject=CN = cnonly.example.test'
	assert_contains "s_client cnonly.example.test" "$PROBE_OUT" 'Verify return code: 0 (ok)'
	# The CN is used only as a name, not as a wildcard for anything else.
	probe "$(ngx_port "$cn")" other.example.test
	assert_rc "s_client other.example.test (CN only)" "$PROBE_RC" fail
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'verify error:num=62:hostname mismatch'
	ngx_stop "$cn"
else
	tl_fail "nginx did not start with cert-no-san"
fi

tl_finish
