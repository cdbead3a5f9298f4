#!/bin/bash
# cert-expired: nginx loads an expired certificate without complaint; clients reject it.
# Research A.3.6: OpenSSL prints 'verify error:num=10:certificate has expired'.  Neighbour
# cert-expired-ok serves the www certificate (valid at TEST_NOW) and verifies.
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

ngx_prepare cert-expired d
ngx_t "$d"
assert_rc "nginx -t (expired certificate)" "$NGX_T_RC" ok
if ngx_start "$d"; then
	probe "$(ngx_port "$d")" expired.example.test
	assert_rc "s_client expired.example.test" "$PROBE_RC" fail
	assert_contains "s_client expired.example.test" "$PROBE_OUT" \
		'verify error:num=10:certificate has expired'
	assert_contains "s_client expired.example.test" "$PROBE_OUT" \
		'error:0A000086:SSL routines:tls_post_process_server_certificate:certificate verify failed'
	# The same server is fine for a client living before the expiry: only the date is wrong.
	PROBE_ATTIME=$(date -u -d 2025-06-01T00:00:00Z +%s) probe "$(ngx_port "$d")" expired.example.test
	assert_contains "s_client expired.example.test at 2025-06-01" "$PROBE_OUT" 'Verify return code: 0 (ok)'
	ngx_stop "$d"
else
	tl_fail "nginx did not start with cert-expired"
fi

ngx_prepare cert-expired-ok ok
ngx_t "$ok"
assert_rc "nginx -t (valid certificate)" "$NGX_T_RC" ok
if ngx_start "$ok"; then
	probe "$(ngx_port "$ok")" www.example.test
	assert_rc "s_client www.example.test" "$PROBE_RC" ok
	assert_contains "s_client www.example.test" "$PROBE_OUT" 'Verify return code: 0 (ok)'
	assert_not_contains "s_client www.example.test" "$PROBE_OUT" 'verify error'
else
	tl_fail "nginx did not start with cert-expired-ok"
fi

tl_finish
