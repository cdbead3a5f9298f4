#!/bin/bash
# ssl-no-certificate-default: "listen ... ssl" in the default server without a certificate is
# refused by nginx -t (since 1.15.0; research B.1 NGX-NOCERT).  Neighbour
# ssl-no-certificate-default-reject: the same certificate-less default server is legal with
# ssl_reject_handshake on, and unknown names get alert 112 (research A.3.8).
# ngx_prepare assigns the variable named by its second argument.
# shellcheck source=lib.sh disable=SC2154
source "$(dirname "$0")/lib.sh"
tl_require_nginx

ngx_prepare ssl-no-certificate-default d
ngx_t "$d"
assert_rc "nginx -t" "$NGX_T_RC" 1
assert_contains "nginx -t" "$NGX_T_OUT" \
	'nginx: [emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive'
# nginx names the line of the 'server {' block, not the listen directive.
assert_contains "nginx -t" "$NGX_T_OUT" "directive in $d/nginx.conf:8"
assert_contains "nginx -t" "$NGX_T_OUT" "configuration file $d/nginx.conf test failed"

ngx_prepare ssl-no-certificate-default-reject r
ngx_t "$r"
assert_rc "nginx -t (ssl_reject_handshake)" "$NGX_T_RC" ok
if ngx_start "$r"; then
	probe "$(ngx_port "$r")" other.example.test
	assert_rc "s_client other.example.test" "$PROBE_RC" fail
	assert_contains "s_client other.example.test" "$PROBE_OUT" \
		'error:0A000458:SSL routines:ssl3_read_bytes:tlsv1 unrecognized name'
	assert_contains "s_client other.example.test" "$PROBE_OUT" 'SSL alert number 112'
	probe "$(ngx_port "$r")" www.example.test
	assert_contains "s_client www.example.test" "$PROBE_OUT" 'Verify return code: 0 (ok)'
else
	tl_fail "nginx did not start with ssl-no-certificate-default-reject"
fi

tl_finish
